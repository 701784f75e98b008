<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>Version: %1
LibTorch: %2
Compute device: %3
BLAS: %4</source>
        <translation>版本: %1
LibTorch: %2
计算设备: %3
BLAS: %4</translation>
    </message>
    <message>
        <source>Warning: the slow reference BLAS is in use; SAM runs about 28 times slower. Install libopenblas0-pthread and select it with 'update-alternatives --config libblas.so.3-x86_64-linux-gnu'.</source>
        <translation>警告: 正在使用较慢的参考 BLAS，SAM 的运行速度约慢 28 倍。请安装 libopenblas0-pthread，并用 'update-alternatives --config libblas.so.3-x86_64-linux-gnu' 选择它。</translation>
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
        <source>'%1' holds no supported images (PNG, JPEG, TIFF, BMP, WebP).</source>
        <translation>'%1' 中没有受支持的图像 (PNG, JPEG, TIFF, BMP, WebP)。</translation>
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
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</translation>
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
        <source>Model: %1 on %2</source>
        <translation>模型: %1，设备 %2</translation>
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
        <source>%1 pass(es); %2. Encode %3 ms, passes %4 ms.</source>
        <translation>%1 轮; %2。编码 %3 ms，各轮 %4 ms。</translation>
    </message>
    <message>
        <source>No object found: %1</source>
        <translation>未找到目标: %1</translation>
    </message>
</context>
</TS>
