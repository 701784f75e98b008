<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Errors</name>
    <message numerus="yes">
        <source>'%1': has %n frame(s); frame %2 was asked for</source>
        <translation><numerusform>„%1“: hat %n Frame; Frame %2 wurde verlangt</numerusform><numerusform>„%1“: hat %n Frames; Frame %2 wurde verlangt</numerusform></translation>
    </message>
    <message>
        <source>'%1': file does not exist</source>
        <translation>„%1“: Datei existiert nicht</translation>
    </message>
    <message>
        <source>'%1': is a folder, not an image</source>
        <translation>„%1“: ist ein Ordner, kein Bild</translation>
    </message>
    <message>
        <source>'%1': file is empty (0 bytes)</source>
        <translation>„%1“: Datei ist leer (0 Byte)</translation>
    </message>
    <message>
        <source>'%1': cannot be opened for reading</source>
        <translation>„%1“: kann nicht zum Lesen geöffnet werden</translation>
    </message>
    <message>
        <source>'%1': is not a readable image (unknown format, or the file is corrupt or truncated)</source>
        <translation>„%1“: ist kein lesbares Bild (unbekanntes Format, oder die Datei ist beschädigt oder abgeschnitten)</translation>
    </message>
    <message>
        <source>'%1': cannot be decoded (%2)</source>
        <translation>„%1“: kann nicht dekodiert werden (%2)</translation>
    </message>
    <message>
        <source>'%1': is not a DICOM file (no SOP Instance UID, no image attributes)</source>
        <translation>„%1“: ist keine DICOM-Datei (keine SOP Instance UID, keine Bildattribute)</translation>
    </message>
    <message>
        <source>'%1': is not a readable DICOM file (%2)</source>
        <translation>„%1“: ist keine lesbare DICOM-Datei (%2)</translation>
    </message>
    <message>
        <source>'%1': has no Pixel Data (7FE0,0010): not an image</source>
        <translation>„%1“: hat keine Pixeldaten (7FE0,0010): kein Bild</translation>
    </message>
    <message>
        <source>'%1': %2 cannot be decoded; supported: uncompressed, RLE, JPEG baseline/extended/lossless, JPEG-LS</source>
        <translation>„%1“: %2 kann nicht dekodiert werden; unterstützt: unkomprimiert, RLE, JPEG Baseline/Extended/Lossless, JPEG-LS</translation>
    </message>
    <message>
        <source>'%1': the pixel data is shorter than the image needs (truncated file?)</source>
        <translation>„%1“: die Pixeldaten sind kürzer, als das Bild braucht (abgeschnittene Datei?)</translation>
    </message>
    <message>
        <source>'%1' is a folder, not a model file</source>
        <translation>„%1“ ist ein Ordner, keine Modelldatei</translation>
    </message>
    <message>
        <source>'%1' cannot be opened (%2)</source>
        <translation>„%1“ kann nicht geöffnet werden (%2)</translation>
    </message>
    <message>
        <source>'%1' is empty (0 bytes)</source>
        <translation>„%1“ ist leer (0 Byte)</translation>
    </message>
    <message>
        <source>'%1' uses the legacy (pre-1.6) PyTorch format; re-save it with a current torch.save</source>
        <translation>„%1“ verwendet das alte PyTorch-Format (vor 1.6); speichern Sie es mit einem aktuellen torch.save neu</translation>
    </message>
    <message>
        <source>'%1' is not a readable PyTorch checkpoint (%2)</source>
        <translation>„%1“ ist kein lesbarer PyTorch-Checkpoint (%2)</translation>
    </message>
    <message>
        <source>'%1' is truncated: the file ends early (an interrupted download or copy?)</source>
        <translation>„%1“ ist abgeschnitten: die Datei endet zu früh (ein abgebrochener Download oder Kopiervorgang?)</translation>
    </message>
    <message>
        <source>'%1' holds no SAM image encoder: not a SAM model</source>
        <translation>„%1“ enthält keinen SAM-Bildencoder: kein SAM-Modell</translation>
    </message>
    <message>
        <source>'%1' does not fit SAM %2: %3 tensor(s) missing, %4 unexpected, %5 of the wrong shape</source>
        <translation>„%1“ passt nicht zu SAM %2: %3 Tensor(en) fehlen, %4 unerwartet, %5 mit falscher Form</translation>
    </message>
    <message>
        <source>'%1' is neither a PyTorch zip checkpoint nor a safetensors file</source>
        <translation>„%1“ ist keine Modelldatei (weder ein PyTorch-Checkpoint noch safetensors)</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>das Speicherkontingent ist aufgebraucht</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>das Dateisystem ist schreibgeschützt</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>die Datei oder den Ordner gibt es nicht</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>es ist ein Ordner</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>ein Teil des Pfads ist kein Ordner</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>der Name ist zu lang</translation>
    </message>
    <message>
        <source>input/output error (a failing disk or a lost network drive?)</source>
        <translation>Ein-/Ausgabefehler (ein defekter Datenträger oder ein getrenntes Netzlaufwerk?)</translation>
    </message>
    <message>
        <source>too many files are open</source>
        <translation>zu viele Dateien sind geöffnet</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>the folder '%1' does not exist</source>
        <translation>der Ordner „%1“ existiert nicht</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>es ist kein Ordner</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>die Datei gibt es nicht</translation>
    </message>
    <message>
        <source>it is not JSON (damaged, or another kind of file)</source>
        <translation>es ist kein JSON (beschädigt oder eine andere Art Datei)</translation>
    </message>
    <message>
        <source>%1 cannot hold it (%2)</source>
        <translation>%1 kann das nicht aufnehmen (%2)</translation>
    </message>
    <message>
        <source>it is not a valid %1 file (%2)</source>
        <translation>es ist keine gültige %1-Datei (%2)</translation>
    </message>
    <message>
        <source>it does not lie on the series it is laid over (%1)</source>
        <translation>es passt nicht auf die Serie, über die es gelegt wird (%1)</translation>
    </message>
    <message>
        <source>the writer produced no file</source>
        <translation>das Schreibprogramm hat keine Datei erzeugt</translation>
    </message>
    <message>
        <source>the image could not be encoded</source>
        <translation>das Bild konnte nicht kodiert werden</translation>
    </message>
    <message>
        <source>Cannot write '%1': %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read '%1': %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The GPU ran out of memory while encoding the image; choose bf16 or the CPU in Settings (%1)</source>
        <translation>Der GPU ist beim Kodieren des Bildes der Speicher ausgegangen; wählen Sie bf16 oder die CPU in den Einstellungen (%1)</translation>
    </message>
    <message>
        <source>The GPU ran out of memory while decoding a mask; choose bf16 or the CPU in Settings (%1)</source>
        <translation>Der GPU ist beim Dekodieren einer Maske der Speicher ausgegangen; wählen Sie bf16 oder die CPU in den Einstellungen (%1)</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>Binary mask PNG</source>
        <translation>Binärmaske (PNG)</translation>
    </message>
    <message>
        <source>Label map PNG (one value per class)</source>
        <translation>Labelkarte (PNG, ein Wert je Klasse)</translation>
    </message>
    <message>
        <source>COCO instances JSON</source>
        <translation>COCO-Instanzen (JSON)</translation>
    </message>
    <message>
        <source>YOLO segmentation</source>
        <translation>YOLO-Segmentierung</translation>
    </message>
    <message>
        <source>Pascal VOC</source>
        <translation>Pascal VOC</translation>
    </message>
    <message>
        <source>LabelMe JSON (polygons)</source>
        <translation>LabelMe-JSON (Polygone)</translation>
    </message>
    <message>
        <source>DICOM SEG (per series)</source>
        <translation>DICOM SEG (je Serie)</translation>
    </message>
    <message>
        <source>NIfTI label volume (per series)</source>
        <translation>NIfTI-Labelvolumen (je Serie)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 slice(s) of %2 x %3, %4</source>
        <translation>%1 Schicht(en) zu %2 x %3, %4</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>Box</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Radierer</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>Eraser stroke</source>
        <translation>Radierstrich</translation>
    </message>
    <message>
        <source>Brush stroke</source>
        <translation>Pinselstrich</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Points (left: add, right: remove)</source>
        <translation>Punkte (links: hinzufügen, rechts: ausschließen)</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygon</translation>
    </message>
</context>
<context>
    <name>samsp::ui::AboutDialog</name>
    <message>
        <source>About SAM-SP Studio</source>
        <translation>Über SAM-SP Studio</translation>
    </message>
    <message>
        <source>SAM-SP Studio</source>
        <translation>SAM-SP Studio</translation>
    </message>
    <message>
        <source>Segmentation labelling with self-prompting Segment Anything (SAM-SP).</source>
        <translation>Segmentierungs-Annotation mit selbst-promptendem Segment Anything (SAM-SP).</translation>
    </message>
    <message>
        <source>Warning: the slow reference BLAS is in use; SAM runs about 28 times slower. Install libopenblas0-pthread and select it with 'update-alternatives --config libblas.so.3-x86_64-linux-gnu'.</source>
        <translation>Warnung: Die langsame Referenz-BLAS ist aktiv; SAM läuft etwa 28-mal langsamer. Installieren Sie libopenblas0-pthread und wählen Sie es mit 'update-alternatives --config libblas.so.3-x86_64-linux-gnu'.</translation>
    </message>
    <message>
        <source>Version: %1
LibTorch: %2
Compute device: %3
BLAS: %4
CPU: %5
Precision (automatic): %6 (%7)</source>
        <translation>Version: %1
LibTorch: %2
Rechengerät: %3
BLAS: %4
CPU: %5
Genauigkeit (automatisch): %6 (%7)</translation>
    </message>
    <message>
        <source>Model: none loaded</source>
        <translation>Modell: keines geladen</translation>
    </message>
    <message>
        <source>Licences: SAM-SP Studio and the SAM architecture it implements, Apache-2.0; Qt (LGPL-3.0), LibTorch (BSD-3-Clause), OpenCV (Apache-2.0), DCMTK (BSD-3-Clause), spdlog (MIT). The bundled model was trained on public data sets under their own terms (see its model card, docs/model_card.md).
Documentation: README.md and docs/ of the source tree, installed in share/doc/samsp-studio.</source>
        <translation>Lizenzen: SAM-SP Studio und die umgesetzte SAM-Architektur, Apache-2.0; Qt (LGPL-3.0), LibTorch (BSD-3-Clause), OpenCV (Apache-2.0), DCMTK (BSD-3-Clause), spdlog (MIT). Das mitgelieferte Modell wurde mit öffentlichen Datensätzen unter deren eigenen Bedingungen trainiert (siehe seine Modellkarte, docs/model_card.md).
Dokumentation: README.md und docs/ im Quellbaum, installiert in share/doc/samsp-studio.</translation>
    </message>
    <message>
        <source>Model: %1 (identity %2)
Trained on: %3</source>
        <translation>Modell: %1 (Identität %2)
Trainiert mit: %3</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>nicht geladen</translation>
    </message>
</context>
<context>
    <name>samsp::ui::AnnotationDocument</name>
    <message>
        <source>New instance</source>
        <translation>Neue Instanz</translation>
    </message>
    <message>
        <source>Delete instance</source>
        <translation>Instanz löschen</translation>
    </message>
    <message>
        <source>Change label</source>
        <translation>Label ändern</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Propose again</source>
        <translation>Neu vorschlagen</translation>
    </message>
    <message>
        <source>Use pass %1</source>
        <translation>Durchlauf %1 verwenden</translation>
    </message>
</context>
<context>
    <name>samsp::ui::BatchDialog</name>
    <message>
        <source>Annotate Folder</source>
        <translation>Ordner annotieren</translation>
    </message>
    <message>
        <source>Images or DICOM:</source>
        <translation>Bilder oder DICOM:</translation>
    </message>
    <message>
        <source>Input Folder</source>
        <translation>Eingabeordner</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Ausgabeordner:</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>Class name:</source>
        <translation>Klassenname:</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>Formate:</translation>
    </message>
    <message>
        <source>Finished items are kept: a cancelled or interrupted batch resumes where it stopped.</source>
        <translation>Fertige Einträge bleiben erhalten: Ein abgebrochener Lauf setzt dort fort, wo er stand.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelling after the current item ...</source>
        <translation>Breche nach dem aktuellen Eintrag ab ...</translation>
    </message>
    <message>
        <source>Choose the input and the output folder.</source>
        <translation>Wählen Sie Eingabe- und Ausgabeordner.</translation>
    </message>
    <message>
        <source>%1 of %2 — %3 images/s — ETA %4</source>
        <translation>%1 von %2 — %3 Bilder/s — noch %4</translation>
    </message>
    <message>
        <source>The batch stopped: %1</source>
        <translation>Der Lauf wurde beendet: %1</translation>
    </message>
    <message>
        <source>%1 — writes %2</source>
        <translation>%1 — schreibt %2</translation>
    </message>
    <message>
        <source>No model is loaded (File &gt; Models).</source>
        <translation>Kein Modell geladen (Datei &gt; Modelle).</translation>
    </message>
    <message>
        <source>Annotating with %1 ...</source>
        <translation>Annotiere mit %1 ...</translation>
    </message>
</context>
<context>
    <name>samsp::ui::BrowserModel</name>
    <message>
        <source>Series: %1 (%2, %3 slices)</source>
        <translation>Serie: %1 (%2, %3 Schichten)</translation>
    </message>
    <message>
        <source>%1 — cannot be read: %2</source>
        <translation>%1 — kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 — %2 accepted, %3 proposed, %4 rejected</source>
        <translation>%1 — %2 angenommen, %3 vorgeschlagen, %4 abgelehnt</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>verworfen</translation>
    </message>
</context>
<context>
    <name>samsp::ui::DatasetDialog</name>
    <message>
        <source>Export Dataset</source>
        <translation>Datensatz exportieren</translation>
    </message>
    <message>
        <source>Dataset folder:</source>
        <translation>Datensatz-Ordner:</translation>
    </message>
    <message>
        <source>Dataset Folder</source>
        <translation>Datensatz-Ordner</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>val</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Aufteilung:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Also proposals nobody accepted yet</source>
        <translation>Auch noch nicht angenommene Vorschläge</translation>
    </message>
    <message>
        <source>%1 accepted and %2 proposed item(s). DICOM items are split by patient.</source>
        <translation>%1 angenommene und %2 vorgeschlagene Einträge. DICOM-Einträge werden nach Patient aufgeteilt.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Choose the dataset folder.</source>
        <translation>Wählen Sie den Datensatz-Ordner.</translation>
    </message>
    <message>
        <source>Dataset written: %1; card %2</source>
        <translation>Datensatz geschrieben: %1; Datenblatt %2</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>No item is accepted yet. Accept items (Enter), or tick "%1" to export the %n proposal(s).</source>
        <translation><numerusform>Noch kein Element ist angenommen. Nehmen Sie Elemente an (Eingabe) oder kreuzen Sie „%1“ an, um den %n Vorschlag zu exportieren.</numerusform><numerusform>Noch kein Element ist angenommen. Nehmen Sie Elemente an (Eingabe) oder kreuzen Sie „%1“ an, um die %n Vorschläge zu exportieren.</numerusform></translation>
    </message>
    <message>
        <source>The project has no annotated item to export.</source>
        <translation>Das Projekt hat kein annotiertes Element zum Exportieren.</translation>
    </message>
    <message>
        <source>Warning: the %1 split is empty although its share is %2: the items come from too few patients (or files) to divide, and one patient is never split.</source>
        <translation>Warnung: Der Teil %1 ist leer, obwohl sein Anteil %2 ist: Die Elemente stammen von zu wenigen Patienten (oder Dateien), und ein Patient wird nie aufgeteilt.</translation>
    </message>
    <message>
        <source>Writing the dataset ...</source>
        <translation>Datensatz wird geschrieben ...</translation>
    </message>
</context>
<context>
    <name>samsp::ui::DicePlot</name>
    <message>
        <source>Validation Dice after each epoch</source>
        <translation>Validierungs-Dice nach jeder Epoche</translation>
    </message>
    <message>
        <source>validation Dice per epoch</source>
        <translation>Validierungs-Dice je Epoche</translation>
    </message>
</context>
<context>
    <name>samsp::ui::Downloader</name>
    <message>
        <source>cannot write '%1': %2</source>
        <translation>'%1' kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cancelled; %1 of %2 bytes kept for resuming</source>
        <translation>abgebrochen; %1 von %2 Bytes zum Fortsetzen behalten</translation>
    </message>
    <message>
        <source>%1: %2 (%3 bytes kept; start again to resume)</source>
        <translation>%1: %2 (%3 Bytes behalten; erneut starten zum Fortsetzen)</translation>
    </message>
    <message>
        <source>%1: HTTP status %2</source>
        <translation>%1: HTTP-Status %2</translation>
    </message>
    <message>
        <source>%1: the connection ended after %2 of %3 bytes; start again to resume</source>
        <translation>%1: Die Verbindung endete nach %2 von %3 Bytes; erneut starten zum Fortsetzen</translation>
    </message>
    <message>
        <source>'%1' has %2 bytes, %3 expected; the partial file was removed</source>
        <translation>'%1' hat %2 Bytes, erwartet %3; die Teildatei wurde gelöscht</translation>
    </message>
    <message>
        <source>checksum mismatch for '%1': SHA-256 %2, expected %3; the file was removed</source>
        <translation>Prüfsumme von '%1' stimmt nicht: SHA-256 %2, erwartet %3; die Datei wurde gelöscht</translation>
    </message>
    <message>
        <source>cannot move '%1' to '%2': %3</source>
        <translation>'%1' kann nicht nach '%2' verschoben werden: %3</translation>
    </message>
</context>
<context>
    <name>samsp::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Writes %1</source>
        <translation>Schreibt %1</translation>
    </message>
    <message numerus="yes">
        <source>Accepted items only (%n)</source>
        <translation><numerusform>Nur angenommene Elemente (%n)</numerusform><numerusform>Nur angenommene Elemente (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Accepted and proposed items (%n)</source>
        <translation><numerusform>Angenommene und vorgeschlagene Elemente (%n)</numerusform><numerusform>Angenommene und vorgeschlagene Elemente (%n)</numerusform></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>Elemente:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Choose the folder to export to.</source>
        <translation>Wählen Sie den Zielordner für den Export.</translation>
    </message>
</context>
<context>
    <name>samsp::ui::ImageBrowser</name>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
</context>
<context>
    <name>samsp::ui::ImageCanvas</name>
    <message>
        <source>Image canvas</source>
        <translation>Bildfläche</translation>
    </message>
</context>
<context>
    <name>samsp::ui::MainWindow</name>
    <message>
        <source>SAM-SP Studio</source>
        <translation>SAM-SP Studio</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>Zoom %1%</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Image...</source>
        <translation>Bild ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Open &amp;Folder...</source>
        <translation>&amp;Ordner öffnen...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Next Image</source>
        <translation>&amp;Nächstes Bild</translation>
    </message>
    <message>
        <source>&amp;Previous Image</source>
        <translation>&amp;Vorheriges Bild</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About SAM-SP Studio</source>
        <translation>Ü&amp;ber SAM-SP Studio</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>(slow reference BLAS: see Help &gt; About)</source>
        <translation>(langsame Referenz-BLAS: siehe Hilfe &gt; Über)</translation>
    </message>
    <message>
        <source>Loading %1 ...</source>
        <translation>Lade %1 ...</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <source>SAM-SP Passes</source>
        <translation>SAM-SP-Durchgänge</translation>
    </message>
    <message>
        <source>Pass %1 is now the result.</source>
        <translation>Durchgang %1 ist jetzt das Ergebnis.</translation>
    </message>
    <message>
        <source>Loading model %1 ...</source>
        <translation>Lade Modell %1 ...</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The model could not be loaded:
%1</source>
        <translation>Das Modell konnte nicht geladen werden:
%1</translation>
    </message>
    <message>
        <source>Proposing ...</source>
        <translation>Schlage vor ...</translation>
    </message>
    <message>
        <source>encode %1 ms, SAM-SP %2 ms</source>
        <translation>Kodierung %1 ms, SAM-SP %2 ms</translation>
    </message>
    <message>
        <source>The proposal failed: %1</source>
        <translation>Der Vorschlag ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Show &amp;Mask</source>
        <translation>&amp;Maske anzeigen</translation>
    </message>
    <message>
        <source>&amp;SAM-SP</source>
        <translation>&amp;SAM-SP</translation>
    </message>
    <message>
        <source>&amp;Propose Again</source>
        <translation>Erneut &amp;vorschlagen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>N&amp;ext Pass</source>
        <translation>Nä&amp;chster Durchgang</translation>
    </message>
    <message>
        <source>Pre&amp;vious Pass</source>
        <translation>&amp;Vorheriger Durchgang</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Kein Modell geladen.</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>The annotations could not be saved:
%1

Close anyway?</source>
        <translation>Die Annotationen konnten nicht gespeichert werden:
%1

Trotzdem schließen?</translation>
    </message>
    <message>
        <source>encode: precomputed, SAM-SP %1 ms</source>
        <translation>Kodieren: vorberechnet, SAM-SP %1 ms</translation>
    </message>
    <message>
        <source>Points and boxes need the image's embedding: wait for the proposal.</source>
        <translation>Punkte und Rechtecke brauchen das Embedding des Bildes: Warten Sie auf den Vorschlag.</translation>
    </message>
    <message>
        <source>Refine with prompts</source>
        <translation>Mit Prompts verfeinern</translation>
    </message>
    <message>
        <source>decode %1 ms, predicted IoU %2</source>
        <translation>Dekodieren %1 ms, vorhergesagte IoU %2</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Accepted %1.</source>
        <translation>%1 angenommen.</translation>
    </message>
    <message>
        <source>Rejected %1.</source>
        <translation>%1 verworfen.</translation>
    </message>
    <message>
        <source>Fill holes</source>
        <translation>Löcher füllen</translation>
    </message>
    <message>
        <source>Remove islands</source>
        <translation>Inseln entfernen</translation>
    </message>
    <message>
        <source>Clean up</source>
        <translation>Glätten</translation>
    </message>
    <message>
        <source>Clear mask</source>
        <translation>Maske leeren</translation>
    </message>
    <message>
        <source>'%1' holds no supported images (PNG, JPEG, TIFF, BMP, WebP) or DICOM files.</source>
        <translation>'%1' enthält keine unterstützten Bilder (PNG, JPEG, TIFF, BMP, WebP) oder DICOM-Dateien.</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>The project file could not be read and was moved to %1:
%2</source>
        <translation>Die Projektdatei war nicht lesbar und wurde nach %1 verschoben:
%2</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>%1 / %2  W %3 L %4</source>
        <translation>%1 / %2  F %3 L %4</translation>
    </message>
    <message>
        <source>x %1, y %2: %3</source>
        <translation>x %1, y %2: %3</translation>
    </message>
    <message>
        <source> HU</source>
        <translation> HU</translation>
    </message>
    <message>
        <source>  (%1, %2, %3) mm</source>
        <translation>  (%1, %2, %3) mm</translation>
    </message>
    <message>
        <source>x %1, y %2: RGB %3 %4 %5</source>
        <translation>x %1, y %2: RGB %3 %4 %5</translation>
    </message>
    <message>
        <source>Open &amp;Project...</source>
        <translation>&amp;Projekt öffnen...</translation>
    </message>
    <message>
        <source>Ctrl+Alt+O</source>
        <translation>Ctrl+Alt+O</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>&amp;Exportieren...</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Se&amp;ttings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;Fill Holes</source>
        <translation>&amp;Löcher füllen</translation>
    </message>
    <message>
        <source>Remove &amp;Islands</source>
        <translation>&amp;Inseln entfernen</translation>
    </message>
    <message>
        <source>&amp;Clean Up Edges</source>
        <translation>Ränder &amp;glätten</translation>
    </message>
    <message>
        <source>C&amp;lear Mask</source>
        <translation>Maske &amp;leeren</translation>
    </message>
    <message>
        <source>Clear &amp;Prompts</source>
        <translation>&amp;Prompts entfernen</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>Smaller Brush</source>
        <translation>Kleinerer Pinsel</translation>
    </message>
    <message>
        <source>Brush radius %1 px</source>
        <translation>Pinselradius %1 px</translation>
    </message>
    <message>
        <source>Larger Brush</source>
        <translation>Größerer Pinsel</translation>
    </message>
    <message>
        <source>&amp;Window Preset</source>
        <translation>&amp;Fenster-Voreinstellung</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>&amp;Use Selected Pass</source>
        <translation>Gewählten Durchlauf &amp;verwenden</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>SAM-SP projects (*.samsp.json *.json)</source>
        <translation>SAM-SP-Projekte (*.samsp.json *.json)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>The export failed:
%1</source>
        <translation>Der Export ist fehlgeschlagen:
%1</translation>
    </message>
    <message>
        <source>&amp;Models...</source>
        <translation>&amp;Modelle...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Proposing slice %1 (%2 left) ...</source>
        <translation>Schlage Schicht %1 vor (%2 übrig) ...</translation>
    </message>
    <message>
        <source>Listing %1 ...</source>
        <translation>Liste %1 auf ...</translation>
    </message>
    <message>
        <source>Propose &amp;Slices...</source>
        <translation>&amp;Schichten vorschlagen...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Export &amp;Dataset...</source>
        <translation>&amp;Datensatz exportieren...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Annotate Folder...</source>
        <translation>Ordner &amp;annotieren...</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>New instance: draw it, or click points / drag a box.</source>
        <translation>Neue Instanz: zeichnen Sie sie, oder setzen Sie Punkte / ziehen Sie ein Rechteck.</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>&amp;New Instance</source>
        <translation>&amp;Neue Instanz</translation>
    </message>
    <message>
        <source>&amp;Delete Instance</source>
        <translation>Instanz &amp;löschen</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Mask opacity</source>
        <translation>Deckkraft der Maske</translation>
    </message>
    <message>
        <source>Model: %1 [%2] on %3</source>
        <translation>Modell: %1 [%2] auf %3</translation>
    </message>
    <message>
        <source>not calibrated</source>
        <translation>nicht kalibriert</translation>
    </message>
    <message>
        <source>The project file could not be read (%1) and could not be moved aside (%2). It is left untouched; this session's work is saved to %3 instead.</source>
        <translation>Die Projektdatei konnte nicht gelesen (%1) und nicht beiseitegelegt werden (%2). Sie bleibt unverändert; die Arbeit dieser Sitzung wird stattdessen in %3 gespeichert.</translation>
    </message>
    <message>
        <source>Loading ...</source>
        <translation>Lädt ...</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Lunge</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation>Mediastinum</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Knochen</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Gehirn</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>Leber</translation>
    </message>
    <message>
        <source>%1 (W %2, L %3)</source>
        <translation>%1 (W %2, L %3)</translation>
    </message>
    <message>
        <source>Use This Window as the Model's Input</source>
        <translation>Dieses Fenster als Modelleingabe verwenden</translation>
    </message>
    <message>
        <source>The model now sees W %1 L %2; new proposals use it.</source>
        <translation>Das Modell sieht jetzt W %1 L %2; neue Vorschläge verwenden es.</translation>
    </message>
    <message numerus="yes">
        <source>Device: CPU, %n thread(s)</source>
        <translation><numerusform>Gerät: CPU, %n Thread</numerusform><numerusform>Gerät: CPU, %n Threads</numerusform></translation>
    </message>
    <message>
        <source>Open a folder first: there is nothing to export.</source>
        <translation>Öffnen Sie zuerst einen Ordner: Es gibt nichts zu exportieren.</translation>
    </message>
    <message>
        <source>No item has a mask yet.</source>
        <translation>Noch kein Element hat eine Maske.</translation>
    </message>
    <message>
        <source>No item is accepted yet. Accept items (Enter), or choose "%1".</source>
        <translation>Noch kein Element ist angenommen. Nehmen Sie Elemente an (Eingabe) oder wählen Sie „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n item(s) as %1 to %2: %3 file(s).</source>
        <translation><numerusform>%n Element als %1 nach %2 exportiert: %3 Datei(en).</numerusform><numerusform>%n Elemente als %1 nach %2 exportiert: %3 Datei(en).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Not exported (%n):</source>
        <translation><numerusform>Nicht exportiert (%n):</numerusform><numerusform>Nicht exportiert (%n):</numerusform></translation>
    </message>
    <message>
        <source>GPU %1, %2</source>
        <translation>GPU %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s), %1</source>
        <translation><numerusform>CPU, %n Thread, %1</numerusform><numerusform>CPU, %n Threads, %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Slices %1–%2 (%n slice(s)):</source>
        <translation><numerusform>Schichten %1–%2 (%n Schicht):</numerusform><numerusform>Schichten %1–%2 (%n Schichten):</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n proposed</source>
        <translation><numerusform>%n vorgeschlagen</numerusform><numerusform>%n vorgeschlagen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n of them with no object found</source>
        <translation><numerusform>davon %n ohne gefundenes Objekt</numerusform><numerusform>davon %n ohne gefundenes Objekt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (already proposed or reviewed)</source>
        <translation><numerusform>%n übersprungen (bereits vorgeschlagen oder geprüft)</numerusform><numerusform>%n übersprungen (bereits vorgeschlagen oder geprüft)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not proposed (stopped)</source>
        <translation><numerusform>%n nicht vorgeschlagen (angehalten)</numerusform><numerusform>%n nicht vorgeschlagen (angehalten)</numerusform></translation>
    </message>
    <message>
        <source>Wait for the model to load.</source>
        <translation>Warten Sie, bis das Modell geladen ist.</translation>
    </message>
    <message>
        <source>Next &amp;Unreviewed</source>
        <translation>Nächstes &amp;Ungeprüftes</translation>
    </message>
    <message>
        <source>Nothing after this is left to review.</source>
        <translation>Danach ist nichts mehr zu prüfen.</translation>
    </message>
    <message>
        <source>&amp;Train on Accepted Items...</source>
        <translation>Mit angenommenen Elementen &amp;trainieren...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>A training round is already running.</source>
        <translation>Eine Trainingsrunde läuft bereits.</translation>
    </message>
    <message>
        <source>Open a folder first: training learns from its accepted items.</source>
        <translation>Öffnen Sie zuerst einen Ordner: Das Training lernt aus seinen angenommenen Elementen.</translation>
    </message>
    <message>
        <source>Load a model first: training starts from it.</source>
        <translation>Laden Sie zuerst ein Modell: Das Training beginnt damit.</translation>
    </message>
    <message>
        <source>Accept at least 2 items (Enter) to train on them.</source>
        <translation>Nehmen Sie mindestens 2 Elemente an (Eingabe), um damit zu trainieren.</translation>
    </message>
    <message>
        <source>The project could not be saved: %1</source>
        <translation>Das Projekt konnte nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Training on %n accepted item(s) for %1 min; you can go on labelling.</source>
        <translation><numerusform>Training mit %n angenommenen Element für %1 min; Sie können weiter annotieren.</numerusform><numerusform>Training mit %n angenommenen Elementen für %1 min; Sie können weiter annotieren.</numerusform></translation>
    </message>
    <message>
        <source>Training stopped; the model in use stays %1.</source>
        <translation>Training angehalten; das verwendete Modell bleibt %1.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Das Training ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Round %1: trained on %n item(s) in %2 min, validation Dice %3; now in use. %4 untouched proposal(s) will be made again.</source>
        <translation><numerusform>Runde %1: mit %n Element in %2 min trainiert, Validierungs-Dice %3; jetzt in Verwendung. %4 unberührte Vorschläge werden neu erstellt.</numerusform><numerusform>Runde %1: mit %n Elementen in %2 min trainiert, Validierungs-Dice %3; jetzt in Verwendung. %4 unberührte Vorschläge werden neu erstellt.</numerusform></translation>
    </message>
    <message>
        <source>Sort Images by &amp;Uncertainty</source>
        <translation>Bilder nach &amp;Unsicherheit sortieren</translation>
    </message>
    <message>
        <source>Least certain proposals first (lowest predicted IoU): corrections there teach the model most</source>
        <translation>Unsicherste Vorschläge zuerst (niedrigster vorhergesagter IoU): Korrekturen dort lehren das Modell am meisten</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>Images sorted by uncertainty: least certain first.</source>
        <translation>Bilder nach Unsicherheit sortiert: die unsichersten zuerst.</translation>
    </message>
    <message>
        <source>Images sorted by name.</source>
        <translation>Bilder nach Namen sortiert.</translation>
    </message>
    <message>
        <source>'%1' is not a folder.</source>
        <translation>„%1“ ist kein Ordner.</translation>
    </message>
    <message>
        <source>'%1' is not a file.</source>
        <translation>„%1“ ist keine Datei.</translation>
    </message>
    <message>
        <source>Propose slices again</source>
        <translation>Schichten neu vorschlagen</translation>
    </message>
    <message>
        <source>Exporting as %1 ...</source>
        <translation>Export als %1 ...</translation>
    </message>
    <message>
        <source>Device: ...</source>
        <translation>Gerät: ...</translation>
    </message>
    <message>
        <source>A segmentation is being imported already.</source>
        <translation>Es wird bereits eine Segmentierung importiert.</translation>
    </message>
    <message>
        <source>Open the DICOM series the segmentation belongs to first: it is laid over the slices on screen.</source>
        <translation>Öffnen Sie zuerst die DICOM-Serie, zu der die Segmentierung gehört: Sie wird über die angezeigten Schichten gelegt.</translation>
    </message>
    <message>
        <source>The import of %1 was dropped: another image was opened meanwhile.</source>
        <translation>Der Import von %1 wurde verworfen: Inzwischen wurde ein anderes Bild geöffnet.</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Imported %1: %2 instance(s) on %3 slice(s).</source>
        <translation>%1 importiert: %2 Instanz(en) auf %3 Schicht(en).</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) matched no slice of this series.</source>
        <translation><numerusform>%n Frame passte zu keiner Schicht dieser Serie.</numerusform><numerusform>%n Frames passten zu keiner Schicht dieser Serie.</numerusform></translation>
    </message>
    <message>
        <source>Importing %1...</source>
        <translation>%1 wird importiert...</translation>
    </message>
    <message>
        <source>&amp;Import Segmentation...</source>
        <translation>Segmentierung &amp;importieren...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Import Segmentation</source>
        <translation>Segmentierung importieren</translation>
    </message>
    <message>
        <source>DICOM SEG or NIfTI label volumes (%1)</source>
        <translation>DICOM SEG oder NIfTI-Labelvolumen (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Propagating: %n slice(s) so far (Esc stops).</source>
        <translation><numerusform>Weitergabe: bisher %n Schicht (Esc hält an).</numerusform><numerusform>Weitergabe: bisher %n Schichten (Esc hält an).</numerusform></translation>
    </message>
    <message>
        <source>A propagation is running already (Esc stops it).</source>
        <translation>Es läuft bereits eine Weitergabe (Esc hält sie an).</translation>
    </message>
    <message>
        <source>Propagation works on a volume: open a DICOM series.</source>
        <translation>Die Weitergabe arbeitet auf einem Volumen: Öffnen Sie eine DICOM-Serie.</translation>
    </message>
    <message>
        <source>Draw or accept a mask on this slice first: it is what is carried to the next slices.</source>
        <translation>Zeichnen oder übernehmen Sie zuerst eine Maske auf dieser Schicht: Sie wird an die nächsten Schichten weitergegeben.</translation>
    </message>
    <message>
        <source>Propagating from slice %1 (Esc stops)...</source>
        <translation>Weitergabe ab Schicht %1 (Esc hält an)...</translation>
    </message>
    <message>
        <source>Propagation failed: %1</source>
        <translation>Die Weitergabe ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The propagation was dropped: another image was opened meanwhile.</source>
        <translation>Die Weitergabe wurde verworfen: Inzwischen wurde ein anderes Bild geöffnet.</translation>
    </message>
    <message>
        <source>Propagate from slice %1</source>
        <translation>Weitergabe ab Schicht %1</translation>
    </message>
    <message numerus="yes">
        <source>Propagation stopped: %n slice(s) proposed for review.</source>
        <translation><numerusform>Weitergabe angehalten: %n Schicht zur Prüfung vorgeschlagen.</numerusform><numerusform>Weitergabe angehalten: %n Schichten zur Prüfung vorgeschlagen.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Propagated to %n slice(s), proposed for review.</source>
        <translation><numerusform>An %n Schicht weitergegeben, zur Prüfung vorgeschlagen.</numerusform><numerusform>An %n Schichten weitergegeben, zur Prüfung vorgeschlagen.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n reviewed slice(s) left as they were.</source>
        <translation><numerusform>%n geprüfte Schicht blieb unverändert.</numerusform><numerusform>%n geprüfte Schichten blieben unverändert.</numerusform></translation>
    </message>
    <message>
        <source>Propagate &amp;Through Slices</source>
        <translation>Durch die Schichten &amp;weitergeben</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Proposed %1 of %2 item(s) again with the new model.</source>
        <translation>%1 von %2 Element(en) mit dem neuen Modell neu vorgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>Proposing %n item(s) again in the background, most uncertain first...</source>
        <translation><numerusform>%n Element wird im Hintergrund neu vorgeschlagen, die unsichersten zuerst...</numerusform><numerusform>%n Elemente werden im Hintergrund neu vorgeschlagen, die unsichersten zuerst...</numerusform></translation>
    </message>
</context>
<context>
    <name>samsp::ui::ModelManagerDialog</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Cancel Download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <source>Add Local Checkpoint...</source>
        <translation>Lokalen Checkpoint hinzufügen...</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Checkpoints (*.pth *.pt *.safetensors)</source>
        <translation>Checkpoints (*.pth *.pt *.safetensors)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Downloaded and verified: %1</source>
        <translation>Heruntergeladen und geprüft: %1</translation>
    </message>
    <message>
        <source>Download stopped: %1</source>
        <translation>Download angehalten: %1</translation>
    </message>
    <message>
        <source>Checkpoints are kept in %1.</source>
        <translation>Checkpoints liegen in %1.</translation>
    </message>
    <message>
        <source>No published checksum: %1</source>
        <translation>Keine veröffentlichte Prüfsumme: %1</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in Verwendung</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>heruntergeladen</translation>
    </message>
    <message>
        <source>partial (%1)</source>
        <translation>teilweise (%1)</translation>
    </message>
    <message>
        <source>not downloaded</source>
        <translation>nicht heruntergeladen</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <source>Open Page</source>
        <translation>Seite öffnen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Downloading %1 ...</source>
        <translation>Lade %1 herunter ...</translation>
    </message>
    <message>
        <source>Checking %1 ...</source>
        <translation>Prüfe %1 ...</translation>
    </message>
    <message>
        <source>Downloaded and verified by loading (no checksum is published): %1</source>
        <translation>Heruntergeladen und durch Laden geprüft (keine Prüfsumme veröffentlicht): %1</translation>
    </message>
    <message>
        <source>The download is not the expected checkpoint and was removed: %1</source>
        <translation>Der Download ist nicht der erwartete Checkpoint und wurde entfernt: %1</translation>
    </message>
    <message>
        <source>No published checksum; a download must load as %1 (every tensor name and shape). %2</source>
        <translation>Keine Prüfsumme veröffentlicht; ein Download muss sich als %1 laden lassen (jeder Tensorname und jede Form). %2</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Trained on</source>
        <translation>Trainiert mit</translation>
    </message>
    <message>
        <source>Bundled default model</source>
        <translation>Mitgeliefertes Standardmodell</translation>
    </message>
    <message>
        <source>SHA-256 %1 (published)</source>
        <translation>SHA-256 %1 (veröffentlicht)</translation>
    </message>
    <message>
        <source>computing ...</source>
        <translation>wird berechnet ...</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>nicht veröffentlicht</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>mitgeliefert</translation>
    </message>
    <message>
        <source>%1 (this project)</source>
        <translation>%1 (dieses Projekt)</translation>
    </message>
</context>
<context>
    <name>samsp::ui::PassViewer</name>
    <message>
        <source>No proposal yet.</source>
        <translation>Noch kein Vorschlag.</translation>
    </message>
    <message>
        <source>Use this pass</source>
        <translation>Diesen Durchgang verwenden</translation>
    </message>
    <message>
        <source>box</source>
        <translation>Box</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation><numerusform>%n Punkt</numerusform><numerusform>%n Punkte</numerusform></translation>
    </message>
    <message>
        <source>mask</source>
        <translation>Maske</translation>
    </message>
    <message>
        <source>no prompt</source>
        <translation>kein Prompt</translation>
    </message>
    <message>
        <source>Pass %1: %2 — predicted IoU %3 — %4 ms</source>
        <translation>Durchgang %1: %2 — vorhergesagte IoU %3 — %4 ms</translation>
    </message>
    <message>
        <source> — IoU with pass %1: %2</source>
        <translation> — IoU mit Durchgang %1: %2</translation>
    </message>
    <message>
        <source>not calibrated</source>
        <translation>nicht kalibriert</translation>
    </message>
    <message>
        <source>Encode %1 ms, passes %2 ms.</source>
        <translation>Kodieren %1 ms, Durchgänge %2 ms.</translation>
    </message>
    <message>
        <source>No object found: the pass without a prompt is empty.</source>
        <translation>Kein Objekt gefunden: Der Durchgang ohne Prompt ist leer.</translation>
    </message>
    <message>
        <source>No object found: pass %1 is empty.</source>
        <translation>Kein Objekt gefunden: Durchgang %1 ist leer.</translation>
    </message>
    <message numerus="yes">
        <source>%n pass(es); converged at pass %1.</source>
        <translation><numerusform>%n Durchgang; konvergiert bei Durchgang %1.</numerusform><numerusform>%n Durchgänge; konvergiert bei Durchgang %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n pass(es), all run.</source>
        <translation><numerusform>%n Durchgang, alle ausgeführt.</numerusform><numerusform>%n Durchgänge, alle ausgeführt.</numerusform></translation>
    </message>
</context>
<context>
    <name>samsp::ui::ProposeSlicesDialog</name>
    <message>
        <source>Propose Slices</source>
        <translation>Schichten vorschlagen</translation>
    </message>
    <message>
        <source>Current slice (%1)</source>
        <translation>Aktuelle Schicht (%1)</translation>
    </message>
    <message>
        <source>Object's extent (%1–%2)</source>
        <translation>Ausdehnung des Objekts (%1–%2)</translation>
    </message>
    <message>
        <source>Object's extent (no mask yet)</source>
        <translation>Ausdehnung des Objekts (noch keine Maske)</translation>
    </message>
    <message>
        <source>Whole series (1–%1)</source>
        <translation>Ganze Serie (1–%1)</translation>
    </message>
    <message>
        <source>Skip slices already proposed (reviewed slices are always kept)</source>
        <translation>Bereits vorgeschlagene Schichten überspringen (geprüfte Schichten bleiben immer erhalten)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Slices:</source>
        <translation>Schichten:</translation>
    </message>
    <message>
        <source>Presets:</source>
        <translation>Vorgaben:</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Vorschlagen</translation>
    </message>
    <message>
        <source>Esc stops after the current slice; what is proposed so far is kept.</source>
        <translation>Esc hält nach der aktuellen Schicht an; das bisher Vorgeschlagene bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>samsp::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Automatic (GPU when present)</source>
        <translation>Automatisch (GPU, wenn vorhanden)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>The bundled default model</source>
        <translation>Das mitgelieferte Standardmodell</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Checkpoints (*.pth *.pt *.safetensors)</source>
        <translation>Checkpoints (*.pth *.pt *.safetensors)</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Self-prompting passes after pass 0:</source>
        <translation>Selbst-Prompt-Durchläufe nach Durchlauf 0:</translation>
    </message>
    <message>
        <source>Box from the previous pass</source>
        <translation>Rechteck aus dem vorigen Durchlauf</translation>
    </message>
    <message>
        <source>Mask logits from the previous pass</source>
        <translation>Masken-Logits aus dem vorigen Durchlauf</translation>
    </message>
    <message>
        <source>Point farthest from the border</source>
        <translation>Punkt mit größtem Randabstand</translation>
    </message>
    <message>
        <source>Prompts:</source>
        <translation>Prompts:</translation>
    </message>
    <message>
        <source>Stop when two passes agree this well (above 1: never stop early).</source>
        <translation>Stoppen, wenn zwei Durchläufe so gut übereinstimmen (über 1: nie vorzeitig).</translation>
    </message>
    <message>
        <source>Stop early at IoU:</source>
        <translation>Vorzeitig stoppen bei IoU:</translation>
    </message>
    <message>
        <source>SAM-SP</source>
        <translation>SAM-SP</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Standard wiederherstellen</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>%1 is used by both "%2" and "%3".</source>
        <translation>%1 ist sowohl „%2“ als auch „%3“ zugewiesen.</translation>
    </message>
    <message>
        <source>fp32 (exact)</source>
        <translation>fp32 (exakt)</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <source>Automatic (bf16 only where the hardware has it)</source>
        <translation>Automatisch (bf16 nur, wo die Hardware es kann)</translation>
    </message>
    <message>
        <source>bf16 (needs native bf16: AVX512_BF16 / AMX, or an Ampere+ GPU)</source>
        <translation>bf16 (braucht natives bf16: AVX512_BF16 / AMX oder eine GPU ab Ampere)</translation>
    </message>
    <message>
        <source>This computer has no native bf16 (%1): bf16 would run many times slower than fp32.</source>
        <translation>Dieser Rechner hat kein natives bf16 (%1): bf16 liefe um ein Vielfaches langsamer als fp32.</translation>
    </message>
    <message>
        <source>CPU: %1</source>
        <translation>CPU: %1</translation>
    </message>
    <message>
        <source>The last pass</source>
        <translation>Den letzten Durchlauf</translation>
    </message>
    <message>
        <source>The pass with the highest predicted IoU</source>
        <translation>Den Durchlauf mit der höchsten vorhergesagten IoU</translation>
    </message>
    <message>
        <source>Which self-prompting pass becomes the proposal. The method keeps the last one; the model's IoU head can pick instead (it predicts each pass's IoU).</source>
        <translation>Welcher Durchlauf des Selbst-Promptings zum Vorschlag wird. Die Methode behält den letzten; stattdessen kann der IoU-Kopf des Modells wählen (er sagt die IoU jedes Durchlaufs vorher).</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>Behalten:</translation>
    </message>
</context>
<context>
    <name>samsp::ui::SliceStrip</name>
    <message>
        <source>%1 new, %2 proposed, %3 accepted, %4 rejected</source>
        <translation>%1 neu, %2 vorgeschlagen, %3 angenommen, %4 abgelehnt</translation>
    </message>
</context>
<context>
    <name>samsp::ui::TrainDialog</name>
    <message>
        <source>Train on Accepted Items</source>
        <translation>Mit angenommenen Elementen trainieren</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Time budget:</source>
        <translation>Zeitbudget:</translation>
    </message>
    <message numerus="yes">
        <source>%n accepted item(s) will be learned from; you can go on labelling meanwhile.</source>
        <translation><numerusform>Aus %n angenommenen Element wird gelernt; Sie können währenddessen weiter annotieren.</numerusform><numerusform>Aus %n angenommenen Elementen wird gelernt; Sie können währenddessen weiter annotieren.</numerusform></translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Cancel Training</source>
        <translation>Training abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Accept at least 2 items (Enter) to train on them.</source>
        <translation>Nehmen Sie mindestens 2 Elemente an (Eingabe), um damit zu trainieren.</translation>
    </message>
    <message>
        <source>Training: about %1 left.</source>
        <translation>Training: noch etwa %1.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Preparing the accepted items ...</source>
        <translation>Die angenommenen Elemente werden vorbereitet ...</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2, validation Dice %3</source>
        <translation>Epoche %1: Verlust %2, Validierungs-Dice %3</translation>
    </message>
</context>
<context>
    <name>samsp::ui::VolumeBar</name>
    <message>
        <source>Slices</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>Schicht</translation>
    </message>
</context>
</TS>
