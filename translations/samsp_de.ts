<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
        <source>Version: %1
LibTorch: %2
Compute device: %3
BLAS: %4</source>
        <translation>Version: %1
LibTorch: %2
Rechengerät: %3
BLAS: %4</translation>
    </message>
    <message>
        <source>Warning: the slow reference BLAS is in use; SAM runs about 28 times slower. Install libopenblas0-pthread and select it with 'update-alternatives --config libblas.so.3-x86_64-linux-gnu'.</source>
        <translation>Warnung: Die langsame Referenz-BLAS ist aktiv; SAM läuft etwa 28-mal langsamer. Installieren Sie libopenblas0-pthread und wählen Sie es mit 'update-alternatives --config libblas.so.3-x86_64-linux-gnu'.</translation>
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
        <source>'%1' holds no supported images (PNG, JPEG, TIFF, BMP, WebP).</source>
        <translation>'%1' enthält keine unterstützten Bilder (PNG, JPEG, TIFF, BMP, WebP).</translation>
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
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</translation>
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
        <source>Model: %1 on %2</source>
        <translation>Modell: %1 auf %2</translation>
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
        <source>%1 pass(es); %2. Encode %3 ms, passes %4 ms.</source>
        <translation>%1 Durchgang/Durchgänge; %2. Kodierung %3 ms, Durchgänge %4 ms.</translation>
    </message>
    <message>
        <source>No object found: %1</source>
        <translation>Kein Objekt gefunden: %1</translation>
    </message>
</context>
</TS>
