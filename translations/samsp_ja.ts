<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>samsp::ui::AboutDialog</name>
    <message>
        <source>About SAM-SP Studio</source>
        <translation>SAM-SP Studio について</translation>
    </message>
    <message>
        <source>SAM-SP Studio</source>
        <translation>SAM-SP Studio</translation>
    </message>
    <message>
        <source>Segmentation labelling with self-prompting Segment Anything (SAM-SP).</source>
        <translation>自己プロンプト型 Segment Anything (SAM-SP) によるセグメンテーションのラベル付け。</translation>
    </message>
    <message>
        <source>Version: %1
LibTorch: %2
Compute device: %3
BLAS: %4</source>
        <translation>バージョン: %1
LibTorch: %2
計算デバイス: %3
BLAS: %4</translation>
    </message>
    <message>
        <source>Warning: the slow reference BLAS is in use; SAM runs about 28 times slower. Install libopenblas0-pthread and select it with 'update-alternatives --config libblas.so.3-x86_64-linux-gnu'.</source>
        <translation>警告: 低速なリファレンス BLAS が使われています。SAM は約 28 倍遅くなります。libopenblas0-pthread をインストールし、'update-alternatives --config libblas.so.3-x86_64-linux-gnu' で選択してください。</translation>
    </message>
</context>
<context>
    <name>samsp::ui::ImageCanvas</name>
    <message>
        <source>Image canvas</source>
        <translation>画像キャンバス</translation>
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
        <translation>画像</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>画像なし</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>ズーム %1%</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Image...</source>
        <translation>画像を開く(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Folder...</source>
        <translation>フォルダを開く(&amp;F)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>ウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>実際のサイズ(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Next Image</source>
        <translation>次の画像(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Image</source>
        <translation>前の画像(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About SAM-SP Studio</source>
        <translation>SAM-SP Studio について(&amp;A)</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>デバイス: %1</translation>
    </message>
    <message>
        <source>(slow reference BLAS: see Help &gt; About)</source>
        <translation>(低速なリファレンス BLAS: ヘルプ &gt; について を参照)</translation>
    </message>
    <message>
        <source>'%1' holds no supported images (PNG, JPEG, TIFF, BMP, WebP).</source>
        <translation>'%1' にはサポートされている画像 (PNG, JPEG, TIFF, BMP, WebP) がありません。</translation>
    </message>
    <message>
        <source>Loading %1 ...</source>
        <translation>%1 を読み込み中 ...</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 を開けません</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>フォルダを開く</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>画像を開く</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</translation>
    </message>
    <message>
        <source>SAM-SP Passes</source>
        <translation>SAM-SP パス</translation>
    </message>
    <message>
        <source>Pass %1 is now the result.</source>
        <translation>第 %1 パスを結果にしました。</translation>
    </message>
    <message>
        <source>Loading model %1 ...</source>
        <translation>モデル %1 を読み込み中 ...</translation>
    </message>
    <message>
        <source>Model: %1 on %2</source>
        <translation>モデル: %1 (%2)</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>モデルなし</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>The model could not be loaded:
%1</source>
        <translation>モデルを読み込めませんでした:
%1</translation>
    </message>
    <message>
        <source>Proposing ...</source>
        <translation>提案中 ...</translation>
    </message>
    <message>
        <source>encode %1 ms, SAM-SP %2 ms</source>
        <translation>エンコード %1 ms、SAM-SP %2 ms</translation>
    </message>
    <message>
        <source>The proposal failed: %1</source>
        <translation>提案に失敗しました: %1</translation>
    </message>
    <message>
        <source>Show &amp;Mask</source>
        <translation>マスクを表示(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;SAM-SP</source>
        <translation>&amp;SAM-SP</translation>
    </message>
    <message>
        <source>&amp;Propose Again</source>
        <translation>再提案(&amp;P)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>N&amp;ext Pass</source>
        <translation>次のパス(&amp;E)</translation>
    </message>
    <message>
        <source>Pre&amp;vious Pass</source>
        <translation>前のパス(&amp;V)</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>モデルが読み込まれていません。</translation>
    </message>
</context>
<context>
    <name>samsp::ui::PassViewer</name>
    <message>
        <source>No proposal yet.</source>
        <translation>まだ提案はありません。</translation>
    </message>
    <message>
        <source>Use this pass</source>
        <translation>このパスを使う</translation>
    </message>
    <message>
        <source>box</source>
        <translation>ボックス</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation><numerusform>%n 点</numerusform></translation>
    </message>
    <message>
        <source>mask</source>
        <translation>マスク</translation>
    </message>
    <message>
        <source>no prompt</source>
        <translation>プロンプトなし</translation>
    </message>
    <message>
        <source>Pass %1: %2 — predicted IoU %3 — %4 ms</source>
        <translation>パス %1: %2 — 予測 IoU %3 — %4 ms</translation>
    </message>
    <message>
        <source> — IoU with pass %1: %2</source>
        <translation> — 第 %1 パスとの IoU: %2</translation>
    </message>
    <message>
        <source>%1 pass(es); %2. Encode %3 ms, passes %4 ms.</source>
        <translation>%1 パス; %2。エンコード %3 ms、パス %4 ms。</translation>
    </message>
    <message>
        <source>No object found: %1</source>
        <translation>対象が見つかりません: %1</translation>
    </message>
</context>
</TS>
