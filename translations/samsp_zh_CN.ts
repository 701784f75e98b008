<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message numerus="yes">
        <source>'%1': has %n frame(s); frame %2 was asked for</source>
        <translation><numerusform>“%1”：有 %n 帧；请求的是第 %2 帧</numerusform></translation>
    </message>
    <message>
        <source>'%1': file does not exist</source>
        <translation>“%1”：文件不存在</translation>
    </message>
    <message>
        <source>'%1': is a folder, not an image</source>
        <translation>“%1”：是文件夹，不是图像</translation>
    </message>
    <message>
        <source>'%1': file is empty (0 bytes)</source>
        <translation>“%1”：文件为空（0 字节）</translation>
    </message>
    <message>
        <source>'%1': cannot be opened for reading</source>
        <translation>“%1”：无法打开以读取</translation>
    </message>
    <message>
        <source>'%1': is not a readable image (unknown format, or the file is corrupt or truncated)</source>
        <translation>“%1”：不是可读取的图像（格式未知，或文件已损坏或被截断）</translation>
    </message>
    <message>
        <source>'%1': cannot be decoded (%2)</source>
        <translation>“%1”：无法解码（%2）</translation>
    </message>
    <message>
        <source>'%1': is not a DICOM file (no SOP Instance UID, no image attributes)</source>
        <translation>“%1”：不是 DICOM 文件（没有 SOP Instance UID，也没有图像属性）</translation>
    </message>
    <message>
        <source>'%1': is not a readable DICOM file (%2)</source>
        <translation>“%1”：不是可读取的 DICOM 文件（%2）</translation>
    </message>
    <message>
        <source>'%1': has no Pixel Data (7FE0,0010): not an image</source>
        <translation>“%1”：没有像素数据 (7FE0,0010)：不是图像</translation>
    </message>
    <message>
        <source>'%1': %2 cannot be decoded; supported: uncompressed, RLE, JPEG baseline/extended/lossless, JPEG-LS</source>
        <translation>“%1”：无法解码 %2；支持：未压缩、RLE、JPEG 基线/扩展/无损、JPEG-LS</translation>
    </message>
    <message>
        <source>'%1': the pixel data is shorter than the image needs (truncated file?)</source>
        <translation>“%1”：像素数据比图像所需的短（文件被截断？）</translation>
    </message>
    <message>
        <source>'%1' is a folder, not a model file</source>
        <translation>“%1”是文件夹，不是模型文件</translation>
    </message>
    <message>
        <source>'%1' cannot be opened (%2)</source>
        <translation>无法打开“%1”（%2）</translation>
    </message>
    <message>
        <source>'%1' is empty (0 bytes)</source>
        <translation>“%1”为空（0 字节）</translation>
    </message>
    <message>
        <source>'%1' uses the legacy (pre-1.6) PyTorch format; re-save it with a current torch.save</source>
        <translation>“%1”使用旧版（1.6 之前）PyTorch 格式；请用当前的 torch.save 重新保存</translation>
    </message>
    <message>
        <source>'%1' is not a readable PyTorch checkpoint (%2)</source>
        <translation>“%1”不是可读取的 PyTorch 检查点（%2）</translation>
    </message>
    <message>
        <source>'%1' is truncated: the file ends early (an interrupted download or copy?)</source>
        <translation>“%1”已被截断：文件提前结束（下载或复制被中断？）</translation>
    </message>
    <message>
        <source>'%1' holds no SAM image encoder: not a SAM model</source>
        <translation>“%1”不含 SAM 图像编码器：不是 SAM 模型</translation>
    </message>
    <message>
        <source>'%1' does not fit SAM %2: %3 tensor(s) missing, %4 unexpected, %5 of the wrong shape</source>
        <translation>“%1”与 SAM %2 不匹配：缺少 %3 个张量，多出 %4 个，形状不对 %5 个</translation>
    </message>
    <message>
        <source>'%1' is neither a PyTorch zip checkpoint nor a safetensors file</source>
        <translation>“%1”不是模型文件（既不是 PyTorch 检查点，也不是 safetensors）</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限被拒绝</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>文件系统为只读</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>没有此文件或文件夹</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>它是文件夹</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路径的某一部分不是文件夹</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名称过长</translation>
    </message>
    <message>
        <source>input/output error (a failing disk or a lost network drive?)</source>
        <translation>输入/输出错误（磁盘故障或网络驱动器断开？）</translation>
    </message>
    <message>
        <source>too many files are open</source>
        <translation>打开的文件过多</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>the folder '%1' does not exist</source>
        <translation>文件夹“%1”不存在</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>它不是文件夹</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>没有此文件</translation>
    </message>
    <message>
        <source>it is not JSON (damaged, or another kind of file)</source>
        <translation>它不是 JSON（已损坏，或是另一种文件）</translation>
    </message>
    <message>
        <source>%1 cannot hold it (%2)</source>
        <translation>%1 无法容纳它（%2）</translation>
    </message>
    <message>
        <source>it is not a valid %1 file (%2)</source>
        <translation>它不是有效的 %1 文件（%2）</translation>
    </message>
    <message>
        <source>it does not lie on the series it is laid over (%1)</source>
        <translation>它与要叠加的序列不吻合（%1）</translation>
    </message>
    <message>
        <source>the writer produced no file</source>
        <translation>写入程序未生成文件</translation>
    </message>
    <message>
        <source>the image could not be encoded</source>
        <translation>无法编码图像</translation>
    </message>
    <message>
        <source>Cannot write '%1': %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot read '%1': %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>The GPU ran out of memory while encoding the image; choose bf16 or the CPU in Settings (%1)</source>
        <translation>编码图像时 GPU 内存不足；请在设置中选择 bf16 或 CPU（%1）</translation>
    </message>
    <message>
        <source>The GPU ran out of memory while decoding a mask; choose bf16 or the CPU in Settings (%1)</source>
        <translation>解码掩码时 GPU 内存不足；请在设置中选择 bf16 或 CPU（%1）</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>Binary mask PNG</source>
        <translation>二值掩码 PNG</translation>
    </message>
    <message>
        <source>Label map PNG (one value per class)</source>
        <translation>标签图 PNG (每类一个值)</translation>
    </message>
    <message>
        <source>COCO instances JSON</source>
        <translation>COCO 实例 JSON</translation>
    </message>
    <message>
        <source>YOLO segmentation</source>
        <translation>YOLO 分割</translation>
    </message>
    <message>
        <source>Pascal VOC</source>
        <translation>Pascal VOC</translation>
    </message>
    <message>
        <source>LabelMe JSON (polygons)</source>
        <translation>LabelMe JSON (多边形)</translation>
    </message>
    <message>
        <source>DICOM SEG (per series)</source>
        <translation>DICOM SEG (按序列)</translation>
    </message>
    <message>
        <source>NIfTI label volume (per series)</source>
        <translation>NIfTI 标签体数据 (按序列)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 slice(s) of %2 x %3, %4</source>
        <translation>%1 个切片，%2 x %3，%4</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>Box</source>
        <translation>框</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Eraser stroke</source>
        <translation>橡皮擦笔划</translation>
    </message>
    <message>
        <source>Brush stroke</source>
        <translation>画笔笔划</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Points (left: add, right: remove)</source>
        <translation>点 (左键: 添加，右键: 排除)</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>多边形</translation>
    </message>
</context>
<context>
    <name>samsp::ui::AboutDialog</name>
    <message>
        <source>About SAM-SP Studio</source>
        <translation>关于 SAM-SP Studio</translation>
    </message>
    <message>
        <source>SAM-SP Studio</source>
        <translation>SAM-SP Studio</translation>
    </message>
    <message>
        <source>Segmentation labelling with self-prompting Segment Anything (SAM-SP).</source>
        <translation>基于自提示 Segment Anything (SAM-SP) 的分割标注。</translation>
    </message>
    <message>
        <source>Warning: the slow reference BLAS is in use; SAM runs about 28 times slower. Install libopenblas0-pthread and select it with 'update-alternatives --config libblas.so.3-x86_64-linux-gnu'.</source>
        <translation>警告: 正在使用较慢的参考 BLAS，SAM 的运行速度约慢 28 倍。请安装 libopenblas0-pthread，并用 'update-alternatives --config libblas.so.3-x86_64-linux-gnu' 选择它。</translation>
    </message>
    <message>
        <source>Version: %1
LibTorch: %2
Compute device: %3
BLAS: %4
CPU: %5
Precision (automatic): %6 (%7)</source>
        <translation>版本: %1
LibTorch: %2
计算设备: %3
BLAS: %4
CPU: %5
精度 (自动): %6 (%7)</translation>
    </message>
    <message>
        <source>Model: none loaded</source>
        <translation>模型: 未加载</translation>
    </message>
    <message>
        <source>Licences: SAM-SP Studio and the SAM architecture it implements, Apache-2.0; Qt (LGPL-3.0), LibTorch (BSD-3-Clause), OpenCV (Apache-2.0), DCMTK (BSD-3-Clause), spdlog (MIT). The bundled model was trained on public data sets under their own terms (see its model card, docs/model_card.md).
Documentation: README.md and docs/ of the source tree, installed in share/doc/samsp-studio.</source>
        <translation>许可证: SAM-SP Studio 及其实现的 SAM 架构为 Apache-2.0；Qt (LGPL-3.0)、LibTorch (BSD-3-Clause)、OpenCV (Apache-2.0)、DCMTK (BSD-3-Clause)、spdlog (MIT)。内置模型使用公开数据集按其各自条款训练 (见其模型卡 docs/model_card.md)。
文档: 源码树中的 README.md 和 docs/，安装于 share/doc/samsp-studio。</translation>
    </message>
    <message>
        <source>Model: %1 (identity %2)
Trained on: %3</source>
        <translation>模型: %1 (标识 %2)
训练数据: %3</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>未加载</translation>
    </message>
</context>
<context>
    <name>samsp::ui::AnnotationDocument</name>
    <message>
        <source>New instance</source>
        <translation>新实例</translation>
    </message>
    <message>
        <source>Delete instance</source>
        <translation>删除实例</translation>
    </message>
    <message>
        <source>Change label</source>
        <translation>更改标签</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>Propose again</source>
        <translation>重新建议</translation>
    </message>
    <message>
        <source>Use pass %1</source>
        <translation>使用第 %1 轮</translation>
    </message>
</context>
<context>
    <name>samsp::ui::BatchDialog</name>
    <message>
        <source>Annotate Folder</source>
        <translation>批量标注文件夹</translation>
    </message>
    <message>
        <source>Images or DICOM:</source>
        <translation>图像或 DICOM:</translation>
    </message>
    <message>
        <source>Input Folder</source>
        <translation>输入文件夹</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>输出文件夹:</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Class name:</source>
        <translation>类别名称:</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>格式:</translation>
    </message>
    <message>
        <source>Finished items are kept: a cancelled or interrupted batch resumes where it stopped.</source>
        <translation>已完成的项会保留：取消或中断的批处理会从停止处继续。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败: %1</translation>
    </message>
    <message>
        <source>Cancelling after the current item ...</source>
        <translation>将在当前项完成后取消 ...</translation>
    </message>
    <message>
        <source>Choose the input and the output folder.</source>
        <translation>请选择输入和输出文件夹。</translation>
    </message>
    <message>
        <source>%1 of %2 — %3 images/s — ETA %4</source>
        <translation>%1 / %2 — %3 张/秒 — 剩余 %4</translation>
    </message>
    <message>
        <source>The batch stopped: %1</source>
        <translation>批处理已停止: %1</translation>
    </message>
    <message>
        <source>%1 — writes %2</source>
        <translation>%1 — 写出 %2</translation>
    </message>
    <message>
        <source>No model is loaded (File &gt; Models).</source>
        <translation>未加载模型（文件 &gt; 模型）。</translation>
    </message>
    <message>
        <source>Annotating with %1 ...</source>
        <translation>正在使用 %1 标注 ...</translation>
    </message>
</context>
<context>
    <name>samsp::ui::BrowserModel</name>
    <message>
        <source>Series: %1 (%2, %3 slices)</source>
        <translation>序列: %1 (%2，%3 个切片)</translation>
    </message>
    <message>
        <source>%1 — cannot be read: %2</source>
        <translation>%1 — 无法读取: %2</translation>
    </message>
    <message>
        <source>%1 — %2 accepted, %3 proposed, %4 rejected</source>
        <translation>%1 — 已接受 %2，已提议 %3，已拒绝 %4</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>已提议</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>samsp::ui::DatasetDialog</name>
    <message>
        <source>Export Dataset</source>
        <translation>导出数据集</translation>
    </message>
    <message>
        <source>Dataset folder:</source>
        <translation>数据集文件夹:</translation>
    </message>
    <message>
        <source>Dataset Folder</source>
        <translation>数据集文件夹</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>val</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>划分:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式:</translation>
    </message>
    <message>
        <source>Also proposals nobody accepted yet</source>
        <translation>也包括尚未接受的提议</translation>
    </message>
    <message>
        <source>%1 accepted and %2 proposed item(s). DICOM items are split by patient.</source>
        <translation>已接受 %1 项，已提议 %2 项。DICOM 按患者划分。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose the dataset folder.</source>
        <translation>请选择数据集文件夹。</translation>
    </message>
    <message>
        <source>Dataset written: %1; card %2</source>
        <translation>数据集已写出: %1；说明卡 %2</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败: %1</translation>
    </message>
    <message numerus="yes">
        <source>No item is accepted yet. Accept items (Enter), or tick "%1" to export the %n proposal(s).</source>
        <translation><numerusform>还没有已接受的项目。请接受项目 (回车)，或勾选“%1”以导出 %n 个提议。</numerusform></translation>
    </message>
    <message>
        <source>The project has no annotated item to export.</source>
        <translation>项目中没有可导出的已标注项目。</translation>
    </message>
    <message>
        <source>Warning: the %1 split is empty although its share is %2: the items come from too few patients (or files) to divide, and one patient is never split.</source>
        <translation>警告: %1 划分为空，尽管其比例为 %2: 这些项目来自的患者 (或文件) 太少，无法划分，而同一患者从不拆分。</translation>
    </message>
    <message>
        <source>Writing the dataset ...</source>
        <translation>正在写入数据集 ...</translation>
    </message>
</context>
<context>
    <name>samsp::ui::DicePlot</name>
    <message>
        <source>Validation Dice after each epoch</source>
        <translation>每轮之后的验证 Dice</translation>
    </message>
    <message>
        <source>validation Dice per epoch</source>
        <translation>每轮的验证 Dice</translation>
    </message>
</context>
<context>
    <name>samsp::ui::Downloader</name>
    <message>
        <source>cannot write '%1': %2</source>
        <translation>无法写入 '%1': %2</translation>
    </message>
    <message>
        <source>cancelled; %1 of %2 bytes kept for resuming</source>
        <translation>已取消；保留 %1 / %2 字节以便续传</translation>
    </message>
    <message>
        <source>%1: %2 (%3 bytes kept; start again to resume)</source>
        <translation>%1: %2 (已保留 %3 字节；再次开始即可续传)</translation>
    </message>
    <message>
        <source>%1: HTTP status %2</source>
        <translation>%1: HTTP 状态 %2</translation>
    </message>
    <message>
        <source>%1: the connection ended after %2 of %3 bytes; start again to resume</source>
        <translation>%1: 连接在 %2 / %3 字节处中断；再次开始即可续传</translation>
    </message>
    <message>
        <source>'%1' has %2 bytes, %3 expected; the partial file was removed</source>
        <translation>'%1' 为 %2 字节，应为 %3 字节；已删除部分文件</translation>
    </message>
    <message>
        <source>checksum mismatch for '%1': SHA-256 %2, expected %3; the file was removed</source>
        <translation>'%1' 校验和不匹配: SHA-256 %2，应为 %3；已删除文件</translation>
    </message>
    <message>
        <source>cannot move '%1' to '%2': %3</source>
        <translation>无法将 '%1' 移动到 '%2': %3</translation>
    </message>
</context>
<context>
    <name>samsp::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Writes %1</source>
        <translation>写出 %1</translation>
    </message>
    <message numerus="yes">
        <source>Accepted items only (%n)</source>
        <translation><numerusform>仅已接受的项目 (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Accepted and proposed items (%n)</source>
        <translation><numerusform>已接受和已提议的项目 (%n)</numerusform></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式:</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>项目:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹:</translation>
    </message>
    <message>
        <source>Choose the folder to export to.</source>
        <translation>请选择导出目标文件夹。</translation>
    </message>
</context>
<context>
    <name>samsp::ui::ImageBrowser</name>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>已提议</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>samsp::ui::ImageCanvas</name>
    <message>
        <source>Image canvas</source>
        <translation>图像画布</translation>
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
        <translation>图像</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>无图像</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Image...</source>
        <translation>打开图像(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Folder...</source>
        <translation>打开文件夹(&amp;F)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Next Image</source>
        <translation>下一张图像(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Image</source>
        <translation>上一张图像(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About SAM-SP Studio</source>
        <translation>关于 SAM-SP Studio(&amp;A)</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>设备: %1</translation>
    </message>
    <message>
        <source>(slow reference BLAS: see Help &gt; About)</source>
        <translation>(较慢的参考 BLAS：见 帮助 &gt; 关于)</translation>
    </message>
    <message>
        <source>Loading %1 ...</source>
        <translation>正在加载 %1 ...</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>SAM-SP Passes</source>
        <translation>SAM-SP 各轮</translation>
    </message>
    <message>
        <source>Pass %1 is now the result.</source>
        <translation>第 %1 轮现为结果。</translation>
    </message>
    <message>
        <source>Loading model %1 ...</source>
        <translation>正在加载模型 %1 ...</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>The model could not be loaded:
%1</source>
        <translation>无法加载模型:
%1</translation>
    </message>
    <message>
        <source>Proposing ...</source>
        <translation>正在提议 ...</translation>
    </message>
    <message>
        <source>encode %1 ms, SAM-SP %2 ms</source>
        <translation>编码 %1 ms，SAM-SP %2 ms</translation>
    </message>
    <message>
        <source>The proposal failed: %1</source>
        <translation>提议失败: %1</translation>
    </message>
    <message>
        <source>Show &amp;Mask</source>
        <translation>显示掩码(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;SAM-SP</source>
        <translation>&amp;SAM-SP</translation>
    </message>
    <message>
        <source>&amp;Propose Again</source>
        <translation>重新提议(&amp;P)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>N&amp;ext Pass</source>
        <translation>下一轮(&amp;E)</translation>
    </message>
    <message>
        <source>Pre&amp;vious Pass</source>
        <translation>上一轮(&amp;V)</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The annotations could not be saved:
%1

Close anyway?</source>
        <translation>无法保存标注:
%1

仍要关闭吗?</translation>
    </message>
    <message>
        <source>encode: precomputed, SAM-SP %1 ms</source>
        <translation>编码: 已预先计算，SAM-SP %1 毫秒</translation>
    </message>
    <message>
        <source>Points and boxes need the image's embedding: wait for the proposal.</source>
        <translation>点和框需要图像的嵌入：请等待提议完成。</translation>
    </message>
    <message>
        <source>Refine with prompts</source>
        <translation>用提示细化</translation>
    </message>
    <message>
        <source>decode %1 ms, predicted IoU %2</source>
        <translation>解码 %1 毫秒，预测 IoU %2</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败: %1</translation>
    </message>
    <message>
        <source>Accepted %1.</source>
        <translation>已接受 %1。</translation>
    </message>
    <message>
        <source>Rejected %1.</source>
        <translation>已拒绝 %1。</translation>
    </message>
    <message>
        <source>Fill holes</source>
        <translation>填充孔洞</translation>
    </message>
    <message>
        <source>Remove islands</source>
        <translation>去除孤岛</translation>
    </message>
    <message>
        <source>Clean up</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Clear mask</source>
        <translation>清除掩膜</translation>
    </message>
    <message>
        <source>'%1' holds no supported images (PNG, JPEG, TIFF, BMP, WebP) or DICOM files.</source>
        <translation>'%1' 中没有受支持的图像 (PNG, JPEG, TIFF, BMP, WebP) 或 DICOM 文件。</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>The project file could not be read and was moved to %1:
%2</source>
        <translation>无法读取项目文件，已将其移至 %1:
%2</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>%1 / %2  W %3 L %4</source>
        <translation>%1 / %2  窗宽 %3 窗位 %4</translation>
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
        <translation>打开项目(&amp;P)...</translation>
    </message>
    <message>
        <source>Ctrl+Alt+O</source>
        <translation>Ctrl+Alt+O</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>导出(&amp;E)...</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Se&amp;ttings...</source>
        <translation>设置(&amp;T)...</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;Fill Holes</source>
        <translation>填充孔洞(&amp;F)</translation>
    </message>
    <message>
        <source>Remove &amp;Islands</source>
        <translation>去除孤岛(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Clean Up Edges</source>
        <translation>清理边缘(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;lear Mask</source>
        <translation>清除掩膜(&amp;L)</translation>
    </message>
    <message>
        <source>Clear &amp;Prompts</source>
        <translation>清除提示(&amp;P)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Smaller Brush</source>
        <translation>减小画笔</translation>
    </message>
    <message>
        <source>Brush radius %1 px</source>
        <translation>画笔半径 %1 像素</translation>
    </message>
    <message>
        <source>Larger Brush</source>
        <translation>增大画笔</translation>
    </message>
    <message>
        <source>&amp;Window Preset</source>
        <translation>窗口预设(&amp;W)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>&amp;Use Selected Pass</source>
        <translation>使用所选轮次(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <source>SAM-SP projects (*.samsp.json *.json)</source>
        <translation>SAM-SP 项目 (*.samsp.json *.json)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The export failed:
%1</source>
        <translation>导出失败:
%1</translation>
    </message>
    <message>
        <source>&amp;Models...</source>
        <translation>模型(&amp;M)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Proposing slice %1 (%2 left) ...</source>
        <translation>正在提议切片 %1 (剩余 %2) ...</translation>
    </message>
    <message>
        <source>Listing %1 ...</source>
        <translation>正在列出 %1 ...</translation>
    </message>
    <message>
        <source>Propose &amp;Slices...</source>
        <translation>提议切片(&amp;S)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Export &amp;Dataset...</source>
        <translation>导出数据集(&amp;D)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Annotate Folder...</source>
        <translation>批量标注文件夹(&amp;A)...</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>New instance: draw it, or click points / drag a box.</source>
        <translation>新建实例：直接绘制，或点击添加点 / 拖出一个框。</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>&amp;New Instance</source>
        <translation>新建实例(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete Instance</source>
        <translation>删除实例(&amp;D)</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Mask opacity</source>
        <translation>掩膜不透明度</translation>
    </message>
    <message>
        <source>Model: %1 [%2] on %3</source>
        <translation>模型: %1 [%2]，设备 %3</translation>
    </message>
    <message>
        <source>not calibrated</source>
        <translation>未校准</translation>
    </message>
    <message>
        <source>The project file could not be read (%1) and could not be moved aside (%2). It is left untouched; this session's work is saved to %3 instead.</source>
        <translation>无法读取项目文件 (%1)，也无法将其移开 (%2)。该文件保持不变；本次会话的工作改为保存到 %3。</translation>
    </message>
    <message>
        <source>Loading ...</source>
        <translation>正在加载 ...</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1: %2</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>肺</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation>纵隔</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>骨</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>脑</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>腹部</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>肝脏</translation>
    </message>
    <message>
        <source>%1 (W %2, L %3)</source>
        <translation>%1 (W %2, L %3)</translation>
    </message>
    <message>
        <source>Use This Window as the Model's Input</source>
        <translation>将此窗口用作模型输入</translation>
    </message>
    <message>
        <source>The model now sees W %1 L %2; new proposals use it.</source>
        <translation>模型现在看到的是 W %1 L %2；新的提议将使用它。</translation>
    </message>
    <message numerus="yes">
        <source>Device: CPU, %n thread(s)</source>
        <translation><numerusform>设备: CPU，%n 个线程</numerusform></translation>
    </message>
    <message>
        <source>Open a folder first: there is nothing to export.</source>
        <translation>请先打开一个文件夹: 没有可导出的内容。</translation>
    </message>
    <message>
        <source>No item has a mask yet.</source>
        <translation>还没有项目带有掩码。</translation>
    </message>
    <message>
        <source>No item is accepted yet. Accept items (Enter), or choose "%1".</source>
        <translation>还没有已接受的项目。请接受项目 (回车)，或选择“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n item(s) as %1 to %2: %3 file(s).</source>
        <translation><numerusform>已将 %n 个项目以 %1 导出到 %2: %3 个文件。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Not exported (%n):</source>
        <translation><numerusform>未导出 (%n):</numerusform></translation>
    </message>
    <message>
        <source>GPU %1, %2</source>
        <translation>GPU %1，%2</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s), %1</source>
        <translation><numerusform>CPU，%n 个线程，%1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Slices %1–%2 (%n slice(s)):</source>
        <translation><numerusform>切片 %1–%2 (共 %n 个):</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n proposed</source>
        <translation><numerusform>%n 个已提议</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n of them with no object found</source>
        <translation><numerusform>其中 %n 个未找到目标</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (already proposed or reviewed)</source>
        <translation><numerusform>%n 个已跳过 (已提议或已审阅)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not proposed (stopped)</source>
        <translation><numerusform>%n 个未提议 (已停止)</numerusform></translation>
    </message>
    <message>
        <source>Wait for the model to load.</source>
        <translation>请等待模型加载完成。</translation>
    </message>
    <message>
        <source>Next &amp;Unreviewed</source>
        <translation>下一个未审阅(&amp;U)</translation>
    </message>
    <message>
        <source>Nothing after this is left to review.</source>
        <translation>此后没有待审阅的内容了。</translation>
    </message>
    <message>
        <source>&amp;Train on Accepted Items...</source>
        <translation>用已接受的项目训练(&amp;T)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>A training round is already running.</source>
        <translation>已有一轮训练正在运行。</translation>
    </message>
    <message>
        <source>Open a folder first: training learns from its accepted items.</source>
        <translation>请先打开文件夹: 训练会从其中已接受的项目学习。</translation>
    </message>
    <message>
        <source>Load a model first: training starts from it.</source>
        <translation>请先加载模型: 训练将从它开始。</translation>
    </message>
    <message>
        <source>Accept at least 2 items (Enter) to train on them.</source>
        <translation>请至少接受 2 个项目 (回车) 才能用它们训练。</translation>
    </message>
    <message>
        <source>The project could not be saved: %1</source>
        <translation>无法保存项目: %1</translation>
    </message>
    <message numerus="yes">
        <source>Training on %n accepted item(s) for %1 min; you can go on labelling.</source>
        <translation><numerusform>正在用 %n 个已接受的项目训练 %1 分钟；可以继续标注。</numerusform></translation>
    </message>
    <message>
        <source>Training stopped; the model in use stays %1.</source>
        <translation>训练已停止；正在使用的模型仍为 %1。</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>训练失败: %1</translation>
    </message>
    <message numerus="yes">
        <source>Round %1: trained on %n item(s) in %2 min, validation Dice %3; now in use. %4 untouched proposal(s) will be made again.</source>
        <translation><numerusform>第 %1 轮: 用 %n 个项目训练了 %2 分钟，验证 Dice %3；现已启用。%4 个未改动的提议将重新生成。</numerusform></translation>
    </message>
    <message>
        <source>Sort Images by &amp;Uncertainty</source>
        <translation>按不确定性排序图像(&amp;U)</translation>
    </message>
    <message>
        <source>Least certain proposals first (lowest predicted IoU): corrections there teach the model most</source>
        <translation>最不确定的提议在前 (预测 IoU 最低): 在那里的修正对模型帮助最大</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>Images sorted by uncertainty: least certain first.</source>
        <translation>图像已按不确定性排序: 最不确定的在前。</translation>
    </message>
    <message>
        <source>Images sorted by name.</source>
        <translation>图像已按名称排序。</translation>
    </message>
    <message>
        <source>'%1' is not a folder.</source>
        <translation>“%1”不是文件夹。</translation>
    </message>
    <message>
        <source>'%1' is not a file.</source>
        <translation>“%1”不是文件。</translation>
    </message>
    <message>
        <source>Propose slices again</source>
        <translation>重新建议切片</translation>
    </message>
    <message>
        <source>Exporting as %1 ...</source>
        <translation>正在导出为 %1 ...</translation>
    </message>
    <message>
        <source>Device: ...</source>
        <translation>设备: ...</translation>
    </message>
    <message>
        <source>A segmentation is being imported already.</source>
        <translation>已在导入一个分割。</translation>
    </message>
    <message>
        <source>Open the DICOM series the segmentation belongs to first: it is laid over the slices on screen.</source>
        <translation>请先打开该分割所属的 DICOM 序列：它会叠加到屏幕上的切片上。</translation>
    </message>
    <message>
        <source>The import of %1 was dropped: another image was opened meanwhile.</source>
        <translation>已放弃导入 %1：其间打开了另一幅图像。</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Imported %1: %2 instance(s) on %3 slice(s).</source>
        <translation>已导入 %1：%3 个切片上的 %2 个实例。</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) matched no slice of this series.</source>
        <translation><numerusform>%n 帧未能对应到此序列的任何切片。</numerusform></translation>
    </message>
    <message>
        <source>Importing %1...</source>
        <translation>正在导入 %1...</translation>
    </message>
    <message>
        <source>&amp;Import Segmentation...</source>
        <translation>导入分割(&amp;I)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Import Segmentation</source>
        <translation>导入分割</translation>
    </message>
    <message>
        <source>DICOM SEG or NIfTI label volumes (%1)</source>
        <translation>DICOM SEG 或 NIfTI 标签体 (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Propagating: %n slice(s) so far (Esc stops).</source>
        <translation><numerusform>传播中: 已完成 %n 个切片 (按 Esc 停止)。</numerusform></translation>
    </message>
    <message>
        <source>A propagation is running already (Esc stops it).</source>
        <translation>已有传播在运行 (按 Esc 停止)。</translation>
    </message>
    <message>
        <source>Propagation works on a volume: open a DICOM series.</source>
        <translation>传播作用于体数据：请打开一个 DICOM 序列。</translation>
    </message>
    <message>
        <source>Draw or accept a mask on this slice first: it is what is carried to the next slices.</source>
        <translation>请先在此切片上绘制或接受一个掩膜：它会被传递到后续切片。</translation>
    </message>
    <message>
        <source>Propagating from slice %1 (Esc stops)...</source>
        <translation>正在从切片 %1 传播 (按 Esc 停止)...</translation>
    </message>
    <message>
        <source>Propagation failed: %1</source>
        <translation>传播失败: %1</translation>
    </message>
    <message>
        <source>The propagation was dropped: another image was opened meanwhile.</source>
        <translation>已放弃传播：其间打开了另一幅图像。</translation>
    </message>
    <message>
        <source>Propagate from slice %1</source>
        <translation>从切片 %1 传播</translation>
    </message>
    <message numerus="yes">
        <source>Propagation stopped: %n slice(s) proposed for review.</source>
        <translation><numerusform>传播已停止：已提议 %n 个切片供审阅。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Propagated to %n slice(s), proposed for review.</source>
        <translation><numerusform>已传播到 %n 个切片，作为提议供审阅。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n reviewed slice(s) left as they were.</source>
        <translation><numerusform>%n 个已审阅的切片保持不变。</numerusform></translation>
    </message>
    <message>
        <source>Propagate &amp;Through Slices</source>
        <translation>逐层传播(&amp;T)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Proposed %1 of %2 item(s) again with the new model.</source>
        <translation>已用新模型重新提议 %2 个项目中的 %1 个。</translation>
    </message>
    <message numerus="yes">
        <source>Proposing %n item(s) again in the background, most uncertain first...</source>
        <translation><numerusform>正在后台重新提议 %n 个项目，最不确定的优先...</numerusform></translation>
    </message>
</context>
<context>
    <name>samsp::ui::ModelManagerDialog</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cancel Download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <source>Add Local Checkpoint...</source>
        <translation>添加本地检查点...</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Checkpoints (*.pth *.pt *.safetensors)</source>
        <translation>检查点 (*.pth *.pt *.safetensors)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Downloaded and verified: %1</source>
        <translation>已下载并校验: %1</translation>
    </message>
    <message>
        <source>Download stopped: %1</source>
        <translation>下载已停止: %1</translation>
    </message>
    <message>
        <source>Checkpoints are kept in %1.</source>
        <translation>检查点保存在 %1。</translation>
    </message>
    <message>
        <source>No published checksum: %1</source>
        <translation>无公开校验和: %1</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <source>partial (%1)</source>
        <translation>部分 (%1)</translation>
    </message>
    <message>
        <source>not downloaded</source>
        <translation>未下载</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Open Page</source>
        <translation>打开页面</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Downloading %1 ...</source>
        <translation>正在下载 %1 ...</translation>
    </message>
    <message>
        <source>Checking %1 ...</source>
        <translation>正在检查 %1 ...</translation>
    </message>
    <message>
        <source>Downloaded and verified by loading (no checksum is published): %1</source>
        <translation>已下载并通过加载验证 (未公布校验和): %1</translation>
    </message>
    <message>
        <source>The download is not the expected checkpoint and was removed: %1</source>
        <translation>下载的文件不是预期的检查点，已删除: %1</translation>
    </message>
    <message>
        <source>No published checksum; a download must load as %1 (every tensor name and shape). %2</source>
        <translation>未公布校验和；下载的文件必须能按 %1 加载 (每个张量的名称和形状)。%2</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Trained on</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>Bundled default model</source>
        <translation>内置默认模型</translation>
    </message>
    <message>
        <source>SHA-256 %1 (published)</source>
        <translation>SHA-256 %1 (已公布)</translation>
    </message>
    <message>
        <source>computing ...</source>
        <translation>正在计算 ...</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>未公布</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>%1 (this project)</source>
        <translation>%1 (本项目)</translation>
    </message>
</context>
<context>
    <name>samsp::ui::PassViewer</name>
    <message>
        <source>No proposal yet.</source>
        <translation>尚无提议。</translation>
    </message>
    <message>
        <source>Use this pass</source>
        <translation>使用这一轮</translation>
    </message>
    <message>
        <source>box</source>
        <translation>框</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation><numerusform>%n 个点</numerusform></translation>
    </message>
    <message>
        <source>mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>no prompt</source>
        <translation>无提示</translation>
    </message>
    <message>
        <source>Pass %1: %2 — predicted IoU %3 — %4 ms</source>
        <translation>第 %1 轮: %2 — 预测 IoU %3 — %4 ms</translation>
    </message>
    <message>
        <source> — IoU with pass %1: %2</source>
        <translation> — 与第 %1 轮的 IoU: %2</translation>
    </message>
    <message>
        <source>not calibrated</source>
        <translation>未校准</translation>
    </message>
    <message>
        <source>Encode %1 ms, passes %2 ms.</source>
        <translation>编码 %1 ms，各轮 %2 ms。</translation>
    </message>
    <message>
        <source>No object found: the pass without a prompt is empty.</source>
        <translation>未找到目标: 无提示的一轮为空。</translation>
    </message>
    <message>
        <source>No object found: pass %1 is empty.</source>
        <translation>未找到目标: 第 %1 轮为空。</translation>
    </message>
    <message numerus="yes">
        <source>%n pass(es); converged at pass %1.</source>
        <translation><numerusform>共 %n 轮；在第 %1 轮收敛。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n pass(es), all run.</source>
        <translation><numerusform>共 %n 轮，全部运行。</numerusform></translation>
    </message>
</context>
<context>
    <name>samsp::ui::ProposeSlicesDialog</name>
    <message>
        <source>Propose Slices</source>
        <translation>提议切片</translation>
    </message>
    <message>
        <source>Current slice (%1)</source>
        <translation>当前切片 (%1)</translation>
    </message>
    <message>
        <source>Object's extent (%1–%2)</source>
        <translation>目标范围 (%1–%2)</translation>
    </message>
    <message>
        <source>Object's extent (no mask yet)</source>
        <translation>目标范围 (尚无掩码)</translation>
    </message>
    <message>
        <source>Whole series (1–%1)</source>
        <translation>整个序列 (1–%1)</translation>
    </message>
    <message>
        <source>Skip slices already proposed (reviewed slices are always kept)</source>
        <translation>跳过已提议的切片 (已审阅的切片始终保留)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Slices:</source>
        <translation>切片:</translation>
    </message>
    <message>
        <source>Presets:</source>
        <translation>预设:</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>提议</translation>
    </message>
    <message>
        <source>Esc stops after the current slice; what is proposed so far is kept.</source>
        <translation>按 Esc 会在当前切片之后停止；已提议的内容会保留。</translation>
    </message>
</context>
<context>
    <name>samsp::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言:</translation>
    </message>
    <message>
        <source>Automatic (GPU when present)</source>
        <translation>自动 (有 GPU 时使用)</translation>
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
        <translation>设备:</translation>
    </message>
    <message>
        <source>The bundled default model</source>
        <translation>内置默认模型</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Checkpoints (*.pth *.pt *.safetensors)</source>
        <translation>检查点 (*.pth *.pt *.safetensors)</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Self-prompting passes after pass 0:</source>
        <translation>第 0 轮之后的自提示轮数:</translation>
    </message>
    <message>
        <source>Box from the previous pass</source>
        <translation>上一轮的框</translation>
    </message>
    <message>
        <source>Mask logits from the previous pass</source>
        <translation>上一轮的掩膜 logits</translation>
    </message>
    <message>
        <source>Point farthest from the border</source>
        <translation>离边界最远的点</translation>
    </message>
    <message>
        <source>Prompts:</source>
        <translation>提示:</translation>
    </message>
    <message>
        <source>Stop when two passes agree this well (above 1: never stop early).</source>
        <translation>两轮结果一致程度达到此值时停止 (大于 1: 从不提前停止)。</translation>
    </message>
    <message>
        <source>Stop early at IoU:</source>
        <translation>提前停止的 IoU:</translation>
    </message>
    <message>
        <source>SAM-SP</source>
        <translation>SAM-SP</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>%1 is used by both "%2" and "%3".</source>
        <translation>%1 同时分配给了“%2”和“%3”。</translation>
    </message>
    <message>
        <source>fp32 (exact)</source>
        <translation>fp32 (精确)</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度:</translation>
    </message>
    <message>
        <source>Automatic (bf16 only where the hardware has it)</source>
        <translation>自动 (仅在硬件支持时使用 bf16)</translation>
    </message>
    <message>
        <source>bf16 (needs native bf16: AVX512_BF16 / AMX, or an Ampere+ GPU)</source>
        <translation>bf16 (需要原生 bf16：AVX512_BF16 / AMX，或 Ampere 及更新的 GPU)</translation>
    </message>
    <message>
        <source>This computer has no native bf16 (%1): bf16 would run many times slower than fp32.</source>
        <translation>这台计算机没有原生 bf16 (%1)：bf16 会比 fp32 慢很多倍。</translation>
    </message>
    <message>
        <source>CPU: %1</source>
        <translation>CPU: %1</translation>
    </message>
    <message>
        <source>The last pass</source>
        <translation>最后一遍</translation>
    </message>
    <message>
        <source>The pass with the highest predicted IoU</source>
        <translation>预测 IoU 最高的一遍</translation>
    </message>
    <message>
        <source>Which self-prompting pass becomes the proposal. The method keeps the last one; the model's IoU head can pick instead (it predicts each pass's IoU).</source>
        <translation>哪一遍自提示的结果作为建议。方法保留最后一遍；也可以由模型的 IoU 头来选（它预测每一遍的 IoU）。</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>保留:</translation>
    </message>
</context>
<context>
    <name>samsp::ui::SliceStrip</name>
    <message>
        <source>%1 new, %2 proposed, %3 accepted, %4 rejected</source>
        <translation>新 %1，已提议 %2，已接受 %3，已拒绝 %4</translation>
    </message>
</context>
<context>
    <name>samsp::ui::TrainDialog</name>
    <message>
        <source>Train on Accepted Items</source>
        <translation>用已接受的项目训练</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Time budget:</source>
        <translation>时间预算:</translation>
    </message>
    <message numerus="yes">
        <source>%n accepted item(s) will be learned from; you can go on labelling meanwhile.</source>
        <translation><numerusform>将从 %n 个已接受的项目学习；其间可以继续标注。</numerusform></translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel Training</source>
        <translation>取消训练</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Accept at least 2 items (Enter) to train on them.</source>
        <translation>请至少接受 2 个项目 (回车) 才能用它们训练。</translation>
    </message>
    <message>
        <source>Training: about %1 left.</source>
        <translation>训练中: 约剩 %1。</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Preparing the accepted items ...</source>
        <translation>正在准备已接受的项目 ...</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2, validation Dice %3</source>
        <translation>第 %1 轮: 损失 %2，验证 Dice %3</translation>
    </message>
</context>
<context>
    <name>samsp::ui::VolumeBar</name>
    <message>
        <source>Slices</source>
        <translation>切片</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>切片</translation>
    </message>
</context>
</TS>
