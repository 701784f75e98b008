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
</context>
</TS>
