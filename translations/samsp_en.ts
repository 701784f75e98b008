<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Errors</name>
    <message numerus="yes">
        <source>'%1': has %n frame(s); frame %2 was asked for</source>
        <translation><numerusform>'%1': has %n frame; frame %2 was asked for</numerusform><numerusform>'%1': has %n frames; frame %2 was asked for</numerusform></translation>
    </message>
    <message>
        <source>'%1': file does not exist</source>
        <translation>'%1': file does not exist</translation>
    </message>
    <message>
        <source>'%1': is a folder, not an image</source>
        <translation>'%1': is a folder, not an image</translation>
    </message>
    <message>
        <source>'%1': file is empty (0 bytes)</source>
        <translation>'%1': file is empty (0 bytes)</translation>
    </message>
    <message>
        <source>'%1': cannot be opened for reading</source>
        <translation>'%1': cannot be opened for reading</translation>
    </message>
    <message>
        <source>'%1': is not a readable image (unknown format, or the file is corrupt or truncated)</source>
        <translation>'%1': is not a readable image (unknown format, or the file is corrupt or truncated)</translation>
    </message>
    <message>
        <source>'%1': cannot be decoded (%2)</source>
        <translation>'%1': cannot be decoded (%2)</translation>
    </message>
    <message>
        <source>'%1': is not a DICOM file (no SOP Instance UID, no image attributes)</source>
        <translation>'%1': is not a DICOM file (no SOP Instance UID, no image attributes)</translation>
    </message>
    <message>
        <source>'%1': is not a readable DICOM file (%2)</source>
        <translation>'%1': is not a readable DICOM file (%2)</translation>
    </message>
    <message>
        <source>'%1': has no Pixel Data (7FE0,0010): not an image</source>
        <translation>'%1': has no Pixel Data (7FE0,0010): not an image</translation>
    </message>
    <message>
        <source>'%1': %2 cannot be decoded; supported: uncompressed, RLE, JPEG baseline/extended/lossless, JPEG-LS</source>
        <translation>'%1': %2 cannot be decoded; supported: uncompressed, RLE, JPEG baseline/extended/lossless, JPEG-LS</translation>
    </message>
    <message>
        <source>'%1': the pixel data is shorter than the image needs (truncated file?)</source>
        <translation>'%1': the pixel data is shorter than the image needs (truncated file?)</translation>
    </message>
    <message>
        <source>'%1' is a folder, not a model file</source>
        <translation>'%1' is a folder, not a model file</translation>
    </message>
    <message>
        <source>'%1' cannot be opened (%2)</source>
        <translation>'%1' cannot be opened (%2)</translation>
    </message>
    <message>
        <source>'%1' is empty (0 bytes)</source>
        <translation>'%1' is empty (0 bytes)</translation>
    </message>
    <message>
        <source>'%1' uses the legacy (pre-1.6) PyTorch format; re-save it with a current torch.save</source>
        <translation>'%1' uses the legacy (pre-1.6) PyTorch format; re-save it with a current torch.save</translation>
    </message>
    <message>
        <source>'%1' is not a readable PyTorch checkpoint (%2)</source>
        <translation>'%1' is not a readable PyTorch checkpoint (%2)</translation>
    </message>
    <message>
        <source>'%1' is truncated: the file ends early (an interrupted download or copy?)</source>
        <translation>'%1' is truncated: the file ends early (an interrupted download or copy?)</translation>
    </message>
    <message>
        <source>'%1' holds no SAM image encoder: not a SAM model</source>
        <translation>'%1' holds no SAM image encoder: not a SAM model</translation>
    </message>
    <message>
        <source>'%1' does not fit SAM %2: %3 tensor(s) missing, %4 unexpected, %5 of the wrong shape</source>
        <translation>'%1' does not fit SAM %2: %3 tensor(s) missing, %4 unexpected, %5 of the wrong shape</translation>
    </message>
    <message>
        <source>'%1' is neither a PyTorch zip checkpoint nor a safetensors file</source>
        <translation>'%1' is neither a PyTorch zip checkpoint nor a safetensors file</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>the disk quota is used up</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>the file system is read-only</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>no such file or folder</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>it is a folder</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>a part of the path is not a folder</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>the name is too long</translation>
    </message>
    <message>
        <source>input/output error (a failing disk or a lost network drive?)</source>
        <translation>input/output error (a failing disk or a lost network drive?)</translation>
    </message>
    <message>
        <source>too many files are open</source>
        <translation>too many files are open</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unknown error</translation>
    </message>
    <message>
        <source>the folder '%1' does not exist</source>
        <translation>the folder '%1' does not exist</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>it is not a folder</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>no such file</translation>
    </message>
    <message>
        <source>it is not JSON (damaged, or another kind of file)</source>
        <translation>it is not JSON (damaged, or another kind of file)</translation>
    </message>
    <message>
        <source>%1 cannot hold it (%2)</source>
        <translation>%1 cannot hold it (%2)</translation>
    </message>
    <message>
        <source>it is not a valid %1 file (%2)</source>
        <translation>it is not a valid %1 file (%2)</translation>
    </message>
    <message>
        <source>it does not lie on the series it is laid over (%1)</source>
        <translation>it does not lie on the series it is laid over (%1)</translation>
    </message>
    <message>
        <source>the writer produced no file</source>
        <translation>the writer produced no file</translation>
    </message>
    <message>
        <source>the image could not be encoded</source>
        <translation>the image could not be encoded</translation>
    </message>
    <message>
        <source>Cannot write '%1': %2</source>
        <translation>Cannot write '%1': %2</translation>
    </message>
    <message>
        <source>Cannot read '%1': %2</source>
        <translation>Cannot read '%1': %2</translation>
    </message>
    <message>
        <source>The GPU ran out of memory while encoding the image; choose bf16 or the CPU in Settings (%1)</source>
        <translation>The GPU ran out of memory while encoding the image; choose bf16 or the CPU in Settings (%1)</translation>
    </message>
    <message>
        <source>The GPU ran out of memory while decoding a mask; choose bf16 or the CPU in Settings (%1)</source>
        <translation>The GPU ran out of memory while decoding a mask; choose bf16 or the CPU in Settings (%1)</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>Binary mask PNG</source>
        <translation>Binary mask PNG</translation>
    </message>
    <message>
        <source>Label map PNG (one value per class)</source>
        <translation>Label map PNG (one value per class)</translation>
    </message>
    <message>
        <source>COCO instances JSON</source>
        <translation>COCO instances JSON</translation>
    </message>
    <message>
        <source>YOLO segmentation</source>
        <translation>YOLO segmentation</translation>
    </message>
    <message>
        <source>Pascal VOC</source>
        <translation>Pascal VOC</translation>
    </message>
    <message>
        <source>LabelMe JSON (polygons)</source>
        <translation>LabelMe JSON (polygons)</translation>
    </message>
    <message>
        <source>DICOM SEG (per series)</source>
        <translation>DICOM SEG (per series)</translation>
    </message>
    <message>
        <source>NIfTI label volume (per series)</source>
        <translation>NIfTI label volume (per series)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Browse...</source>
        <translation>Browse...</translation>
    </message>
    <message>
        <source>%1 slice(s) of %2 x %3, %4</source>
        <translation>%1 slice(s) of %2 x %3, %4</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>Box</source>
        <translation>Box</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Eraser</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Brush</translation>
    </message>
    <message>
        <source>Eraser stroke</source>
        <translation>Eraser stroke</translation>
    </message>
    <message>
        <source>Brush stroke</source>
        <translation>Brush stroke</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <source>Points (left: add, right: remove)</source>
        <translation>Points (left: add, right: remove)</translation>
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
        <translation>About SAM-SP Studio</translation>
    </message>
    <message>
        <source>SAM-SP Studio</source>
        <translation>SAM-SP Studio</translation>
    </message>
    <message>
        <source>Segmentation labelling with self-prompting Segment Anything (SAM-SP).</source>
        <translation>Segmentation labelling with self-prompting Segment Anything (SAM-SP).</translation>
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
Compute device: %3
BLAS: %4
CPU: %5
Precision (automatic): %6 (%7)</translation>
    </message>
    <message>
        <source>Model: none loaded</source>
        <translation>Model: none loaded</translation>
    </message>
    <message>
        <source>Licences: SAM-SP Studio and the SAM architecture it implements, Apache-2.0; Qt (LGPL-3.0), LibTorch (BSD-3-Clause), OpenCV (Apache-2.0), DCMTK (BSD-3-Clause), spdlog (MIT). The bundled model was trained on public data sets under their own terms (see its model card, docs/model_card.md).
Documentation: README.md and docs/ of the source tree, installed in share/doc/samsp-studio.</source>
        <translation>Licences: SAM-SP Studio and the SAM architecture it implements, Apache-2.0; Qt (LGPL-3.0), LibTorch (BSD-3-Clause), OpenCV (Apache-2.0), DCMTK (BSD-3-Clause), spdlog (MIT). The bundled model was trained on public data sets under their own terms (see its model card, docs/model_card.md).
Documentation: README.md and docs/ of the source tree, installed in share/doc/samsp-studio.</translation>
    </message>
    <message>
        <source>Warning: the slow reference BLAS is in use; SAM runs about 28 times slower. Install libopenblas0-pthread and select it with 'update-alternatives --config libblas.so.3-x86_64-linux-gnu'.</source>
        <translation>Warning: the slow reference BLAS is in use; SAM runs about 28 times slower. Install libopenblas0-pthread and select it with 'update-alternatives --config libblas.so.3-x86_64-linux-gnu'.</translation>
    </message>
    <message>
        <source>Model: %1 (identity %2)
Trained on: %3</source>
        <translation>Model: %1 (identity %2)
Trained on: %3</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>not loaded</translation>
    </message>
</context>
<context>
    <name>samsp::ui::AnnotationDocument</name>
    <message>
        <source>New instance</source>
        <translation>New instance</translation>
    </message>
    <message>
        <source>Delete instance</source>
        <translation>Delete instance</translation>
    </message>
    <message>
        <source>Change label</source>
        <translation>Change label</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Propose again</source>
        <translation>Propose again</translation>
    </message>
    <message>
        <source>Use pass %1</source>
        <translation>Use pass %1</translation>
    </message>
</context>
<context>
    <name>samsp::ui::BatchDialog</name>
    <message>
        <source>Annotate Folder</source>
        <translation>Annotate Folder</translation>
    </message>
    <message>
        <source>Images or DICOM:</source>
        <translation>Images or DICOM:</translation>
    </message>
    <message>
        <source>Input Folder</source>
        <translation>Input Folder</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Output folder:</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>Output Folder</translation>
    </message>
    <message>
        <source>Class name:</source>
        <translation>Class name:</translation>
    </message>
    <message>
        <source>%1 — writes %2</source>
        <translation>%1 — writes %2</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>Formats:</translation>
    </message>
    <message>
        <source>Finished items are kept: a cancelled or interrupted batch resumes where it stopped.</source>
        <translation>Finished items are kept: a cancelled or interrupted batch resumes where it stopped.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message>
        <source>Cancelling after the current item ...</source>
        <translation>Cancelling after the current item ...</translation>
    </message>
    <message>
        <source>Choose the input and the output folder.</source>
        <translation>Choose the input and the output folder.</translation>
    </message>
    <message>
        <source>%1 of %2 — %3 images/s — ETA %4</source>
        <translation>%1 of %2 — %3 images/s — ETA %4</translation>
    </message>
    <message>
        <source>The batch stopped: %1</source>
        <translation>The batch stopped: %1</translation>
    </message>
    <message>
        <source>No model is loaded (File &gt; Models).</source>
        <translation>No model is loaded (File &gt; Models).</translation>
    </message>
    <message>
        <source>Annotating with %1 ...</source>
        <translation>Annotating with %1 ...</translation>
    </message>
</context>
<context>
    <name>samsp::ui::BrowserModel</name>
    <message>
        <source>Series: %1 (%2, %3 slices)</source>
        <translation>Series: %1 (%2, %3 slices)</translation>
    </message>
    <message>
        <source>%1 — cannot be read: %2</source>
        <translation>%1 — cannot be read: %2</translation>
    </message>
    <message>
        <source>%1 — %2 accepted, %3 proposed, %4 rejected</source>
        <translation>%1 — %2 accepted, %3 proposed, %4 rejected</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>proposed</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
</context>
<context>
    <name>samsp::ui::DatasetDialog</name>
    <message>
        <source>Export Dataset</source>
        <translation>Export Dataset</translation>
    </message>
    <message>
        <source>Dataset folder:</source>
        <translation>Dataset folder:</translation>
    </message>
    <message>
        <source>Dataset Folder</source>
        <translation>Dataset Folder</translation>
    </message>
    <message>
        <source>train</source>
        <translation>train</translation>
    </message>
    <message>
        <source>val</source>
        <translation>val</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Split:</translation>
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
        <translation>Also proposals nobody accepted yet</translation>
    </message>
    <message>
        <source>%1 accepted and %2 proposed item(s). DICOM items are split by patient.</source>
        <translation>%1 accepted and %2 proposed item(s). DICOM items are split by patient.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Choose the dataset folder.</source>
        <translation>Choose the dataset folder.</translation>
    </message>
    <message numerus="yes">
        <source>No item is accepted yet. Accept items (Enter), or tick "%1" to export the %n proposal(s).</source>
        <translation><numerusform>No item is accepted yet. Accept items (Enter), or tick "%1" to export the %n proposal.</numerusform><numerusform>No item is accepted yet. Accept items (Enter), or tick "%1" to export the %n proposals.</numerusform></translation>
    </message>
    <message>
        <source>The project has no annotated item to export.</source>
        <translation>The project has no annotated item to export.</translation>
    </message>
    <message>
        <source>Dataset written: %1; card %2</source>
        <translation>Dataset written: %1; card %2</translation>
    </message>
    <message>
        <source>Warning: the %1 split is empty although its share is %2: the items come from too few patients (or files) to divide, and one patient is never split.</source>
        <translation>Warning: the %1 split is empty although its share is %2: the items come from too few patients (or files) to divide, and one patient is never split.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
    <message>
        <source>Writing the dataset ...</source>
        <translation>Writing the dataset ...</translation>
    </message>
</context>
<context>
    <name>samsp::ui::DicePlot</name>
    <message>
        <source>Validation Dice after each epoch</source>
        <translation>Validation Dice after each epoch</translation>
    </message>
    <message>
        <source>validation Dice per epoch</source>
        <translation>validation Dice per epoch</translation>
    </message>
</context>
<context>
    <name>samsp::ui::Downloader</name>
    <message>
        <source>cannot write '%1': %2</source>
        <translation>cannot write '%1': %2</translation>
    </message>
    <message>
        <source>cancelled; %1 of %2 bytes kept for resuming</source>
        <translation>cancelled; %1 of %2 bytes kept for resuming</translation>
    </message>
    <message>
        <source>%1: %2 (%3 bytes kept; start again to resume)</source>
        <translation>%1: %2 (%3 bytes kept; start again to resume)</translation>
    </message>
    <message>
        <source>%1: HTTP status %2</source>
        <translation>%1: HTTP status %2</translation>
    </message>
    <message>
        <source>%1: the connection ended after %2 of %3 bytes; start again to resume</source>
        <translation>%1: the connection ended after %2 of %3 bytes; start again to resume</translation>
    </message>
    <message>
        <source>'%1' has %2 bytes, %3 expected; the partial file was removed</source>
        <translation>'%1' has %2 bytes, %3 expected; the partial file was removed</translation>
    </message>
    <message>
        <source>checksum mismatch for '%1': SHA-256 %2, expected %3; the file was removed</source>
        <translation>checksum mismatch for '%1': SHA-256 %2, expected %3; the file was removed</translation>
    </message>
    <message>
        <source>cannot move '%1' to '%2': %3</source>
        <translation>cannot move '%1' to '%2': %3</translation>
    </message>
</context>
<context>
    <name>samsp::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Writes %1</source>
        <translation>Writes %1</translation>
    </message>
    <message numerus="yes">
        <source>Accepted items only (%n)</source>
        <translation><numerusform>Accepted items only (%n)</numerusform><numerusform>Accepted items only (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Accepted and proposed items (%n)</source>
        <translation><numerusform>Accepted and proposed items (%n)</numerusform><numerusform>Accepted and proposed items (%n)</numerusform></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Browse...</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>Export to Folder</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>Items:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Choose the folder to export to.</source>
        <translation>Choose the folder to export to.</translation>
    </message>
</context>
<context>
    <name>samsp::ui::ImageBrowser</name>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>proposed</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unreadable</translation>
    </message>
</context>
<context>
    <name>samsp::ui::ImageCanvas</name>
    <message>
        <source>Image canvas</source>
        <translation>Image canvas</translation>
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
        <translation>Images</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>No image</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>Zoom %1%</translation>
    </message>
    <message>
        <source>SAM-SP Passes</source>
        <translation>SAM-SP Passes</translation>
    </message>
    <message>
        <source>Pass %1 is now the result.</source>
        <translation>Pass %1 is now the result.</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>The annotations could not be saved:
%1

Close anyway?</source>
        <translation>The annotations could not be saved:
%1

Close anyway?</translation>
    </message>
    <message>
        <source>Loading model %1 ...</source>
        <translation>Loading model %1 ...</translation>
    </message>
    <message>
        <source>GPU %1, %2</source>
        <translation>GPU %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s), %1</source>
        <translation><numerusform>CPU, %n thread, %1</numerusform><numerusform>CPU, %n threads, %1</numerusform></translation>
    </message>
    <message>
        <source>Model: %1 [%2] on %3</source>
        <translation>Model: %1 [%2] on %3</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>No model</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>The model could not be loaded:
%1</source>
        <translation>The model could not be loaded:
%1</translation>
    </message>
    <message>
        <source>Proposing ...</source>
        <translation>Proposing ...</translation>
    </message>
    <message>
        <source>encode: precomputed, SAM-SP %1 ms</source>
        <translation>encode: precomputed, SAM-SP %1 ms</translation>
    </message>
    <message>
        <source>encode %1 ms, SAM-SP %2 ms</source>
        <translation>encode %1 ms, SAM-SP %2 ms</translation>
    </message>
    <message>
        <source>Proposing slice %1 (%2 left) ...</source>
        <translation>Proposing slice %1 (%2 left) ...</translation>
    </message>
    <message numerus="yes">
        <source>Slices %1–%2 (%n slice(s)):</source>
        <translation><numerusform>Slices %1–%2 (%n slice):</numerusform><numerusform>Slices %1–%2 (%n slices):</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n proposed</source>
        <translation><numerusform>%n proposed</numerusform><numerusform>%n proposed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n of them with no object found</source>
        <translation><numerusform>%n of them with no object found</numerusform><numerusform>%n of them with no object found</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (already proposed or reviewed)</source>
        <translation><numerusform>%n skipped (already proposed or reviewed)</numerusform><numerusform>%n skipped (already proposed or reviewed)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not proposed (stopped)</source>
        <translation><numerusform>%n not proposed (stopped)</numerusform><numerusform>%n not proposed (stopped)</numerusform></translation>
    </message>
    <message>
        <source>Wait for the model to load.</source>
        <translation>Wait for the model to load.</translation>
    </message>
    <message>
        <source>The proposal failed: %1</source>
        <translation>The proposal failed: %1</translation>
    </message>
    <message>
        <source>Points and boxes need the image's embedding: wait for the proposal.</source>
        <translation>Points and boxes need the image's embedding: wait for the proposal.</translation>
    </message>
    <message>
        <source>Refine with prompts</source>
        <translation>Refine with prompts</translation>
    </message>
    <message>
        <source>decode %1 ms, predicted IoU %2</source>
        <translation>decode %1 ms, predicted IoU %2</translation>
    </message>
    <message>
        <source>not calibrated</source>
        <translation>not calibrated</translation>
    </message>
    <message>
        <source>New instance: draw it, or click points / drag a box.</source>
        <translation>New instance: draw it, or click points / drag a box.</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Autosave failed: %1</translation>
    </message>
    <message>
        <source>Accepted %1.</source>
        <translation>Accepted %1.</translation>
    </message>
    <message>
        <source>Rejected %1.</source>
        <translation>Rejected %1.</translation>
    </message>
    <message>
        <source>Fill holes</source>
        <translation>Fill holes</translation>
    </message>
    <message>
        <source>Remove islands</source>
        <translation>Remove islands</translation>
    </message>
    <message>
        <source>Clean up</source>
        <translation>Clean up</translation>
    </message>
    <message>
        <source>Clear mask</source>
        <translation>Clear mask</translation>
    </message>
    <message>
        <source>Listing %1 ...</source>
        <translation>Listing %1 ...</translation>
    </message>
    <message>
        <source>'%1' holds no supported images (PNG, JPEG, TIFF, BMP, WebP) or DICOM files.</source>
        <translation>'%1' holds no supported images (PNG, JPEG, TIFF, BMP, WebP) or DICOM files.</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>The project file could not be read and was moved to %1:
%2</source>
        <translation>The project file could not be read and was moved to %1:
%2</translation>
    </message>
    <message>
        <source>The project file could not be read (%1) and could not be moved aside (%2). It is left untouched; this session's work is saved to %3 instead.</source>
        <translation>The project file could not be read (%1) and could not be moved aside (%2). It is left untouched; this session's work is saved to %3 instead.</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Open Project</translation>
    </message>
    <message>
        <source>Loading %1 ...</source>
        <translation>Loading %1 ...</translation>
    </message>
    <message>
        <source>Loading ...</source>
        <translation>Loading ...</translation>
    </message>
    <message>
        <source>%1 / %2  W %3 L %4</source>
        <translation>%1 / %2  W %3 L %4</translation>
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
        <source>Cannot open %1</source>
        <translation>Cannot open %1</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>No model loaded.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open Image...</source>
        <translation>&amp;Open Image...</translation>
    </message>
    <message>
        <source>Open &amp;Folder...</source>
        <translation>Open &amp;Folder...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Project...</source>
        <translation>Open &amp;Project...</translation>
    </message>
    <message>
        <source>Ctrl+Alt+O</source>
        <translation>Ctrl+Alt+O</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>&amp;Export...</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;Dataset...</source>
        <translation>Export &amp;Dataset...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Annotate Folder...</source>
        <translation>&amp;Annotate Folder...</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Se&amp;ttings...</source>
        <translation>Se&amp;ttings...</translation>
    </message>
    <message>
        <source>&amp;Models...</source>
        <translation>&amp;Models...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;Fill Holes</source>
        <translation>&amp;Fill Holes</translation>
    </message>
    <message>
        <source>Remove &amp;Islands</source>
        <translation>Remove &amp;Islands</translation>
    </message>
    <message>
        <source>&amp;Clean Up Edges</source>
        <translation>&amp;Clean Up Edges</translation>
    </message>
    <message>
        <source>C&amp;lear Mask</source>
        <translation>C&amp;lear Mask</translation>
    </message>
    <message>
        <source>Clear &amp;Prompts</source>
        <translation>Clear &amp;Prompts</translation>
    </message>
    <message>
        <source>&amp;New Instance</source>
        <translation>&amp;New Instance</translation>
    </message>
    <message>
        <source>&amp;Delete Instance</source>
        <translation>&amp;Delete Instance</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <source>Mask opacity</source>
        <translation>Mask opacity</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Smaller Brush</source>
        <translation>Smaller Brush</translation>
    </message>
    <message>
        <source>Brush radius %1 px</source>
        <translation>Brush radius %1 px</translation>
    </message>
    <message>
        <source>Larger Brush</source>
        <translation>Larger Brush</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Fit to Window</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Actual Size</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>Sort Images by &amp;Uncertainty</source>
        <translation>Sort Images by &amp;Uncertainty</translation>
    </message>
    <message>
        <source>Least certain proposals first (lowest predicted IoU): corrections there teach the model most</source>
        <translation>Least certain proposals first (lowest predicted IoU): corrections there teach the model most</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>Show &amp;Mask</source>
        <translation>Show &amp;Mask</translation>
    </message>
    <message>
        <source>&amp;Window Preset</source>
        <translation>&amp;Window Preset</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Lung</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation>Mediastinum</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Bone</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Brain</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>Liver</translation>
    </message>
    <message>
        <source>%1 (W %2, L %3)</source>
        <translation>%1 (W %2, L %3)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Use This Window as the Model's Input</source>
        <translation>Use This Window as the Model's Input</translation>
    </message>
    <message>
        <source>The model now sees W %1 L %2; new proposals use it.</source>
        <translation>The model now sees W %1 L %2; new proposals use it.</translation>
    </message>
    <message>
        <source>&amp;SAM-SP</source>
        <translation>&amp;SAM-SP</translation>
    </message>
    <message>
        <source>&amp;Propose Again</source>
        <translation>&amp;Propose Again</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>N&amp;ext Pass</source>
        <translation>N&amp;ext Pass</translation>
    </message>
    <message>
        <source>Pre&amp;vious Pass</source>
        <translation>Pre&amp;vious Pass</translation>
    </message>
    <message>
        <source>&amp;Use Selected Pass</source>
        <translation>&amp;Use Selected Pass</translation>
    </message>
    <message>
        <source>&amp;Train on Accepted Items...</source>
        <translation>&amp;Train on Accepted Items...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Propose &amp;Slices...</source>
        <translation>Propose &amp;Slices...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Reject</translation>
    </message>
    <message>
        <source>&amp;Next Image</source>
        <translation>&amp;Next Image</translation>
    </message>
    <message>
        <source>&amp;Previous Image</source>
        <translation>&amp;Previous Image</translation>
    </message>
    <message>
        <source>Next &amp;Unreviewed</source>
        <translation>Next &amp;Unreviewed</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About SAM-SP Studio</source>
        <translation>&amp;About SAM-SP Studio</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Device: %1</translation>
    </message>
    <message numerus="yes">
        <source>Device: CPU, %n thread(s)</source>
        <translation><numerusform>Device: CPU, %n thread</numerusform><numerusform>Device: CPU, %n threads</numerusform></translation>
    </message>
    <message>
        <source>(slow reference BLAS: see Help &gt; About)</source>
        <translation>(slow reference BLAS: see Help &gt; About)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>The new language is used from the next start.</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <source>SAM-SP projects (*.samsp.json *.json)</source>
        <translation>SAM-SP projects (*.samsp.json *.json)</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>Open Image</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)</source>
        <translation>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)</translation>
    </message>
    <message>
        <source>Open a folder first: there is nothing to export.</source>
        <translation>Open a folder first: there is nothing to export.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>No item has a mask yet.</source>
        <translation>No item has a mask yet.</translation>
    </message>
    <message>
        <source>No item is accepted yet. Accept items (Enter), or choose "%1".</source>
        <translation>No item is accepted yet. Accept items (Enter), or choose "%1".</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n item(s) as %1 to %2: %3 file(s).</source>
        <translation><numerusform>Exported %n item as %1 to %2: %3 file.</numerusform><numerusform>Exported %n items as %1 to %2: %3 files.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Not exported (%n):</source>
        <translation><numerusform>Not exported (%n):</numerusform><numerusform>Not exported (%n):</numerusform></translation>
    </message>
    <message>
        <source>The export failed:
%1</source>
        <translation>The export failed:
%1</translation>
    </message>
    <message>
        <source>Images sorted by uncertainty: least certain first.</source>
        <translation>Images sorted by uncertainty: least certain first.</translation>
    </message>
    <message>
        <source>Images sorted by name.</source>
        <translation>Images sorted by name.</translation>
    </message>
    <message>
        <source>A training round is already running.</source>
        <translation>A training round is already running.</translation>
    </message>
    <message>
        <source>Open a folder first: training learns from its accepted items.</source>
        <translation>Open a folder first: training learns from its accepted items.</translation>
    </message>
    <message>
        <source>Load a model first: training starts from it.</source>
        <translation>Load a model first: training starts from it.</translation>
    </message>
    <message>
        <source>Accept at least 2 items (Enter) to train on them.</source>
        <translation>Accept at least 2 items (Enter) to train on them.</translation>
    </message>
    <message>
        <source>The project could not be saved: %1</source>
        <translation>The project could not be saved: %1</translation>
    </message>
    <message numerus="yes">
        <source>Training on %n accepted item(s) for %1 min; you can go on labelling.</source>
        <translation><numerusform>Training on %n accepted item for %1 min; you can go on labelling.</numerusform><numerusform>Training on %n accepted items for %1 min; you can go on labelling.</numerusform></translation>
    </message>
    <message>
        <source>Training stopped; the model in use stays %1.</source>
        <translation>Training stopped; the model in use stays %1.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>Round %1: trained on %n item(s) in %2 min, validation Dice %3; now in use. %4 untouched proposal(s) will be made again.</source>
        <translation><numerusform>Round %1: trained on %n item in %2 min, validation Dice %3; now in use. %4 untouched proposal will be made again.</numerusform><numerusform>Round %1: trained on %n items in %2 min, validation Dice %3; now in use. %4 untouched proposals will be made again.</numerusform></translation>
    </message>
    <message>
        <source>Nothing after this is left to review.</source>
        <translation>Nothing after this is left to review.</translation>
    </message>
    <message>
        <source>'%1' is not a folder.</source>
        <translation>'%1' is not a folder.</translation>
    </message>
    <message>
        <source>'%1' is not a file.</source>
        <translation>'%1' is not a file.</translation>
    </message>
    <message>
        <source>Propose slices again</source>
        <translation>Propose slices again</translation>
    </message>
    <message>
        <source>Exporting as %1 ...</source>
        <translation>Exporting as %1 ...</translation>
    </message>
    <message>
        <source>Device: ...</source>
        <translation>Device: ...</translation>
    </message>
    <message>
        <source>A segmentation is being imported already.</source>
        <translation>A segmentation is being imported already.</translation>
    </message>
    <message>
        <source>Open the DICOM series the segmentation belongs to first: it is laid over the slices on screen.</source>
        <translation>Open the DICOM series the segmentation belongs to first: it is laid over the slices on screen.</translation>
    </message>
    <message>
        <source>The import of %1 was dropped: another image was opened meanwhile.</source>
        <translation>The import of %1 was dropped: another image was opened meanwhile.</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <source>Imported %1: %2 instance(s) on %3 slice(s).</source>
        <translation>Imported %1: %2 instance(s) on %3 slice(s).</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) matched no slice of this series.</source>
        <translation><numerusform>%n frame matched no slice of this series.</numerusform><numerusform>%n frames matched no slice of this series.</numerusform></translation>
    </message>
    <message>
        <source>Importing %1...</source>
        <translation>Importing %1...</translation>
    </message>
    <message>
        <source>&amp;Import Segmentation...</source>
        <translation>&amp;Import Segmentation...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Import Segmentation</source>
        <translation>Import Segmentation</translation>
    </message>
    <message>
        <source>DICOM SEG or NIfTI label volumes (%1)</source>
        <translation>DICOM SEG or NIfTI label volumes (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Propagating: %n slice(s) so far (Esc stops).</source>
        <translation><numerusform>Propagating: %n slice so far (Esc stops).</numerusform><numerusform>Propagating: %n slices so far (Esc stops).</numerusform></translation>
    </message>
    <message>
        <source>A propagation is running already (Esc stops it).</source>
        <translation>A propagation is running already (Esc stops it).</translation>
    </message>
    <message>
        <source>Propagation works on a volume: open a DICOM series.</source>
        <translation>Propagation works on a volume: open a DICOM series.</translation>
    </message>
    <message>
        <source>Draw or accept a mask on this slice first: it is what is carried to the next slices.</source>
        <translation>Draw or accept a mask on this slice first: it is what is carried to the next slices.</translation>
    </message>
    <message>
        <source>Propagating from slice %1 (Esc stops)...</source>
        <translation>Propagating from slice %1 (Esc stops)...</translation>
    </message>
    <message>
        <source>Propagation failed: %1</source>
        <translation>Propagation failed: %1</translation>
    </message>
    <message>
        <source>The propagation was dropped: another image was opened meanwhile.</source>
        <translation>The propagation was dropped: another image was opened meanwhile.</translation>
    </message>
    <message>
        <source>Propagate from slice %1</source>
        <translation>Propagate from slice %1</translation>
    </message>
    <message numerus="yes">
        <source>Propagation stopped: %n slice(s) proposed for review.</source>
        <translation><numerusform>Propagation stopped: %n slice proposed for review.</numerusform><numerusform>Propagation stopped: %n slices proposed for review.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Propagated to %n slice(s), proposed for review.</source>
        <translation><numerusform>Propagated to %n slice, proposed for review.</numerusform><numerusform>Propagated to %n slices, proposed for review.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n reviewed slice(s) left as they were.</source>
        <translation><numerusform>%n reviewed slice left as they were.</numerusform><numerusform>%n reviewed slices left as they were.</numerusform></translation>
    </message>
    <message>
        <source>Propagate &amp;Through Slices</source>
        <translation>Propagate &amp;Through Slices</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Proposed %1 of %2 item(s) again with the new model.</source>
        <translation>Proposed %1 of %2 item(s) again with the new model.</translation>
    </message>
    <message numerus="yes">
        <source>Proposing %n item(s) again in the background, most uncertain first...</source>
        <translation><numerusform>Proposing %n item again in the background, most uncertain first...</numerusform><numerusform>Proposing %n items again in the background, most uncertain first...</numerusform></translation>
    </message>
</context>
<context>
    <name>samsp::ui::ModelManagerDialog</name>
    <message>
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Trained on</source>
        <translation>Trained on</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Cancel Download</source>
        <translation>Cancel Download</translation>
    </message>
    <message>
        <source>Add Local Checkpoint...</source>
        <translation>Add Local Checkpoint...</translation>
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
        <translation>Close</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Downloaded and verified: %1</source>
        <translation>Downloaded and verified: %1</translation>
    </message>
    <message>
        <source>Checking %1 ...</source>
        <translation>Checking %1 ...</translation>
    </message>
    <message>
        <source>Downloaded and verified by loading (no checksum is published): %1</source>
        <translation>Downloaded and verified by loading (no checksum is published): %1</translation>
    </message>
    <message>
        <source>The download is not the expected checkpoint and was removed: %1</source>
        <translation>The download is not the expected checkpoint and was removed: %1</translation>
    </message>
    <message>
        <source>Download stopped: %1</source>
        <translation>Download stopped: %1</translation>
    </message>
    <message>
        <source>Checkpoints are kept in %1.</source>
        <translation>Checkpoints are kept in %1.</translation>
    </message>
    <message>
        <source>Bundled default model</source>
        <translation>Bundled default model</translation>
    </message>
    <message>
        <source>%1 (this project)</source>
        <translation>%1 (this project)</translation>
    </message>
    <message>
        <source>No published checksum: %1</source>
        <translation>No published checksum: %1</translation>
    </message>
    <message>
        <source>No published checksum; a download must load as %1 (every tensor name and shape). %2</source>
        <translation>No published checksum; a download must load as %1 (every tensor name and shape). %2</translation>
    </message>
    <message>
        <source>SHA-256 %1 (published)</source>
        <translation>SHA-256 %1 (published)</translation>
    </message>
    <message>
        <source>computing ...</source>
        <translation>computing ...</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>not published</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>bundled</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>downloaded</translation>
    </message>
    <message>
        <source>partial (%1)</source>
        <translation>partial (%1)</translation>
    </message>
    <message>
        <source>not downloaded</source>
        <translation>not downloaded</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>Open Page</source>
        <translation>Open Page</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Downloading %1 ...</source>
        <translation>Downloading %1 ...</translation>
    </message>
</context>
<context>
    <name>samsp::ui::PassViewer</name>
    <message>
        <source>No proposal yet.</source>
        <translation>No proposal yet.</translation>
    </message>
    <message>
        <source>Use this pass</source>
        <translation>Use this pass</translation>
    </message>
    <message>
        <source>box</source>
        <translation>box</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation><numerusform>%n point</numerusform><numerusform>%n points</numerusform></translation>
    </message>
    <message>
        <source>mask</source>
        <translation>mask</translation>
    </message>
    <message>
        <source>no prompt</source>
        <translation>no prompt</translation>
    </message>
    <message>
        <source>not calibrated</source>
        <translation>not calibrated</translation>
    </message>
    <message>
        <source>Pass %1: %2 — predicted IoU %3 — %4 ms</source>
        <translation>Pass %1: %2 — predicted IoU %3 — %4 ms</translation>
    </message>
    <message>
        <source> — IoU with pass %1: %2</source>
        <translation> — IoU with pass %1: %2</translation>
    </message>
    <message>
        <source>Encode %1 ms, passes %2 ms.</source>
        <translation>Encode %1 ms, passes %2 ms.</translation>
    </message>
    <message>
        <source>No object found: the pass without a prompt is empty.</source>
        <translation>No object found: the pass without a prompt is empty.</translation>
    </message>
    <message>
        <source>No object found: pass %1 is empty.</source>
        <translation>No object found: pass %1 is empty.</translation>
    </message>
    <message numerus="yes">
        <source>%n pass(es); converged at pass %1.</source>
        <translation><numerusform>%n pass; converged at pass %1.</numerusform><numerusform>%n passes; converged at pass %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n pass(es), all run.</source>
        <translation><numerusform>%n pass, all run.</numerusform><numerusform>%n passes, all run.</numerusform></translation>
    </message>
</context>
<context>
    <name>samsp::ui::ProposeSlicesDialog</name>
    <message>
        <source>Propose Slices</source>
        <translation>Propose Slices</translation>
    </message>
    <message>
        <source>Current slice (%1)</source>
        <translation>Current slice (%1)</translation>
    </message>
    <message>
        <source>Object's extent (%1–%2)</source>
        <translation>Object's extent (%1–%2)</translation>
    </message>
    <message>
        <source>Object's extent (no mask yet)</source>
        <translation>Object's extent (no mask yet)</translation>
    </message>
    <message>
        <source>Whole series (1–%1)</source>
        <translation>Whole series (1–%1)</translation>
    </message>
    <message>
        <source>Skip slices already proposed (reviewed slices are always kept)</source>
        <translation>Skip slices already proposed (reviewed slices are always kept)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Slices:</source>
        <translation>Slices:</translation>
    </message>
    <message>
        <source>Presets:</source>
        <translation>Presets:</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Propose</translation>
    </message>
    <message>
        <source>Esc stops after the current slice; what is proposed so far is kept.</source>
        <translation>Esc stops after the current slice; what is proposed so far is kept.</translation>
    </message>
</context>
<context>
    <name>samsp::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Automatic (GPU when present)</source>
        <translation>Automatic (GPU when present)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Device:</translation>
    </message>
    <message>
        <source>Automatic (bf16 only where the hardware has it)</source>
        <translation>Automatic (bf16 only where the hardware has it)</translation>
    </message>
    <message>
        <source>fp32 (exact)</source>
        <translation>fp32 (exact)</translation>
    </message>
    <message>
        <source>bf16 (needs native bf16: AVX512_BF16 / AMX, or an Ampere+ GPU)</source>
        <translation>bf16 (needs native bf16: AVX512_BF16 / AMX, or an Ampere+ GPU)</translation>
    </message>
    <message>
        <source>This computer has no native bf16 (%1): bf16 would run many times slower than fp32.</source>
        <translation>This computer has no native bf16 (%1): bf16 would run many times slower than fp32.</translation>
    </message>
    <message>
        <source>CPU: %1</source>
        <translation>CPU: %1</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Precision:</translation>
    </message>
    <message>
        <source>The bundled default model</source>
        <translation>The bundled default model</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Browse...</translation>
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
        <translation>Model:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Self-prompting passes after pass 0:</source>
        <translation>Self-prompting passes after pass 0:</translation>
    </message>
    <message>
        <source>Box from the previous pass</source>
        <translation>Box from the previous pass</translation>
    </message>
    <message>
        <source>Mask logits from the previous pass</source>
        <translation>Mask logits from the previous pass</translation>
    </message>
    <message>
        <source>Point farthest from the border</source>
        <translation>Point farthest from the border</translation>
    </message>
    <message>
        <source>Prompts:</source>
        <translation>Prompts:</translation>
    </message>
    <message>
        <source>Stop when two passes agree this well (above 1: never stop early).</source>
        <translation>Stop when two passes agree this well (above 1: never stop early).</translation>
    </message>
    <message>
        <source>Stop early at IoU:</source>
        <translation>Stop early at IoU:</translation>
    </message>
    <message>
        <source>SAM-SP</source>
        <translation>SAM-SP</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Restore Defaults</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Shortcuts</translation>
    </message>
    <message>
        <source>%1 is used by both "%2" and "%3".</source>
        <translation>%1 is used by both "%2" and "%3".</translation>
    </message>
    <message>
        <source>The last pass</source>
        <translation>The last pass</translation>
    </message>
    <message>
        <source>The pass with the highest predicted IoU</source>
        <translation>The pass with the highest predicted IoU</translation>
    </message>
    <message>
        <source>Which self-prompting pass becomes the proposal. The method keeps the last one; the model's IoU head can pick instead (it predicts each pass's IoU).</source>
        <translation>Which self-prompting pass becomes the proposal. The method keeps the last one; the model's IoU head can pick instead (it predicts each pass's IoU).</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>Keep:</translation>
    </message>
</context>
<context>
    <name>samsp::ui::SliceStrip</name>
    <message>
        <source>%1 new, %2 proposed, %3 accepted, %4 rejected</source>
        <translation>%1 new, %2 proposed, %3 accepted, %4 rejected</translation>
    </message>
</context>
<context>
    <name>samsp::ui::TrainDialog</name>
    <message>
        <source>Train on Accepted Items</source>
        <translation>Train on Accepted Items</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Time budget:</source>
        <translation>Time budget:</translation>
    </message>
    <message numerus="yes">
        <source>%n accepted item(s) will be learned from; you can go on labelling meanwhile.</source>
        <translation><numerusform>%n accepted item will be learned from; you can go on labelling meanwhile.</numerusform><numerusform>%n accepted items will be learned from; you can go on labelling meanwhile.</numerusform></translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Cancel Training</source>
        <translation>Cancel Training</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Accept at least 2 items (Enter) to train on them.</source>
        <translation>Accept at least 2 items (Enter) to train on them.</translation>
    </message>
    <message>
        <source>Training: about %1 left.</source>
        <translation>Training: about %1 left.</translation>
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
        <translation>Preparing the accepted items ...</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2, validation Dice %3</source>
        <translation>Epoch %1: loss %2, validation Dice %3</translation>
    </message>
</context>
<context>
    <name>samsp::ui::VolumeBar</name>
    <message>
        <source>Slices</source>
        <translation>Slices</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>Slice</translation>
    </message>
</context>
</TS>
