<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>Errors</name>
    <message numerus="yes">
        <source>'%1': has %n frame(s); frame %2 was asked for</source>
        <translation><numerusform>「%1」: フレームは %n 枚です。フレーム %2 が求められました</numerusform></translation>
    </message>
    <message>
        <source>'%1': file does not exist</source>
        <translation>「%1」: ファイルが存在しません</translation>
    </message>
    <message>
        <source>'%1': is a folder, not an image</source>
        <translation>「%1」: フォルダーです。画像ではありません</translation>
    </message>
    <message>
        <source>'%1': file is empty (0 bytes)</source>
        <translation>「%1」: ファイルが空です (0 バイト)</translation>
    </message>
    <message>
        <source>'%1': cannot be opened for reading</source>
        <translation>「%1」: 読み取り用に開けません</translation>
    </message>
    <message>
        <source>'%1': is not a readable image (unknown format, or the file is corrupt or truncated)</source>
        <translation>「%1」: 読み取れる画像ではありません (未知の形式、またはファイルが壊れているか途中で切れています)</translation>
    </message>
    <message>
        <source>'%1': cannot be decoded (%2)</source>
        <translation>「%1」: デコードできません (%2)</translation>
    </message>
    <message>
        <source>'%1': is not a DICOM file (no SOP Instance UID, no image attributes)</source>
        <translation>「%1」: DICOM ファイルではありません (SOP Instance UID も画像属性もありません)</translation>
    </message>
    <message>
        <source>'%1': is not a readable DICOM file (%2)</source>
        <translation>「%1」: 読み取れる DICOM ファイルではありません (%2)</translation>
    </message>
    <message>
        <source>'%1': has no Pixel Data (7FE0,0010): not an image</source>
        <translation>「%1」: ピクセルデータ (7FE0,0010) がありません: 画像ではありません</translation>
    </message>
    <message>
        <source>'%1': %2 cannot be decoded; supported: uncompressed, RLE, JPEG baseline/extended/lossless, JPEG-LS</source>
        <translation>「%1」: %2 はデコードできません。対応形式: 非圧縮、RLE、JPEG ベースライン/拡張/ロスレス、JPEG-LS</translation>
    </message>
    <message>
        <source>'%1': the pixel data is shorter than the image needs (truncated file?)</source>
        <translation>「%1」: ピクセルデータが画像に必要な長さより短いです (ファイルが途中で切れていませんか?)</translation>
    </message>
    <message>
        <source>'%1' is a folder, not a model file</source>
        <translation>「%1」はフォルダーです。モデルファイルではありません</translation>
    </message>
    <message>
        <source>'%1' cannot be opened (%2)</source>
        <translation>「%1」を開けません (%2)</translation>
    </message>
    <message>
        <source>'%1' is empty (0 bytes)</source>
        <translation>「%1」は空です (0 バイト)</translation>
    </message>
    <message>
        <source>'%1' uses the legacy (pre-1.6) PyTorch format; re-save it with a current torch.save</source>
        <translation>「%1」は古い (1.6 より前の) PyTorch 形式です。現在の torch.save で保存し直してください</translation>
    </message>
    <message>
        <source>'%1' is not a readable PyTorch checkpoint (%2)</source>
        <translation>「%1」は読み取れる PyTorch チェックポイントではありません (%2)</translation>
    </message>
    <message>
        <source>'%1' is truncated: the file ends early (an interrupted download or copy?)</source>
        <translation>「%1」は途中で切れています: ファイルが途中で終わっています (ダウンロードかコピーが中断されましたか?)</translation>
    </message>
    <message>
        <source>'%1' holds no SAM image encoder: not a SAM model</source>
        <translation>「%1」には SAM の画像エンコーダーがありません: SAM モデルではありません</translation>
    </message>
    <message>
        <source>'%1' does not fit SAM %2: %3 tensor(s) missing, %4 unexpected, %5 of the wrong shape</source>
        <translation>「%1」は SAM %2 に合いません: 欠けているテンソル %3 個、想定外 %4 個、形の違うもの %5 個</translation>
    </message>
    <message>
        <source>'%1' is neither a PyTorch zip checkpoint nor a safetensors file</source>
        <translation>「%1」はモデルファイルではありません (PyTorch チェックポイントでも safetensors でもありません)</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>アクセスが拒否されました</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>ディスクのクォータを使い切りました</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>ファイルシステムは読み取り専用です</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>ファイルまたはフォルダーがありません</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>フォルダーです</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>パスの一部がフォルダーではありません</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名前が長すぎます</translation>
    </message>
    <message>
        <source>input/output error (a failing disk or a lost network drive?)</source>
        <translation>入出力エラー (ディスクの故障、またはネットワークドライブの切断?)</translation>
    </message>
    <message>
        <source>too many files are open</source>
        <translation>開いているファイルが多すぎます</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>不明なエラー</translation>
    </message>
    <message>
        <source>the folder '%1' does not exist</source>
        <translation>フォルダー「%1」が存在しません</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>フォルダーではありません</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <source>it is not JSON (damaged, or another kind of file)</source>
        <translation>JSON ではありません (破損しているか、別の種類のファイルです)</translation>
    </message>
    <message>
        <source>%1 cannot hold it (%2)</source>
        <translation>%1 には格納できません (%2)</translation>
    </message>
    <message>
        <source>it is not a valid %1 file (%2)</source>
        <translation>有効な %1 ファイルではありません (%2)</translation>
    </message>
    <message>
        <source>it does not lie on the series it is laid over (%1)</source>
        <translation>重ねるシリーズと一致しません (%1)</translation>
    </message>
    <message>
        <source>the writer produced no file</source>
        <translation>書き込み処理がファイルを作成しませんでした</translation>
    </message>
    <message>
        <source>the image could not be encoded</source>
        <translation>画像をエンコードできませんでした</translation>
    </message>
    <message>
        <source>Cannot write '%1': %2</source>
        <translation>「%1」を書き込めません: %2</translation>
    </message>
    <message>
        <source>Cannot read '%1': %2</source>
        <translation>「%1」を読み込めません: %2</translation>
    </message>
    <message>
        <source>The GPU ran out of memory while encoding the image; choose bf16 or the CPU in Settings (%1)</source>
        <translation>画像のエンコード中に GPU のメモリが不足しました。設定で bf16 または CPU を選んでください (%1)</translation>
    </message>
    <message>
        <source>The GPU ran out of memory while decoding a mask; choose bf16 or the CPU in Settings (%1)</source>
        <translation>マスクのデコード中に GPU のメモリが不足しました。設定で bf16 または CPU を選んでください (%1)</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>Binary mask PNG</source>
        <translation>二値マスク PNG</translation>
    </message>
    <message>
        <source>Label map PNG (one value per class)</source>
        <translation>ラベルマップ PNG (クラスごとに 1 値)</translation>
    </message>
    <message>
        <source>COCO instances JSON</source>
        <translation>COCO インスタンス JSON</translation>
    </message>
    <message>
        <source>YOLO segmentation</source>
        <translation>YOLO セグメンテーション</translation>
    </message>
    <message>
        <source>Pascal VOC</source>
        <translation>Pascal VOC</translation>
    </message>
    <message>
        <source>LabelMe JSON (polygons)</source>
        <translation>LabelMe JSON (ポリゴン)</translation>
    </message>
    <message>
        <source>DICOM SEG (per series)</source>
        <translation>DICOM SEG (シリーズごと)</translation>
    </message>
    <message>
        <source>NIfTI label volume (per series)</source>
        <translation>NIfTI ラベルボリューム (シリーズごと)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 slice(s) of %2 x %3, %4</source>
        <translation>%2 x %3 のスライス %1 枚、%4</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>参照...</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>Box</source>
        <translation>ボックス</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>消しゴム</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>ブラシ</translation>
    </message>
    <message>
        <source>Eraser stroke</source>
        <translation>消しゴムストローク</translation>
    </message>
    <message>
        <source>Brush stroke</source>
        <translation>ブラシストローク</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>パン</translation>
    </message>
    <message>
        <source>Points (left: add, right: remove)</source>
        <translation>点 (左: 追加、右: 除外)</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>ポリゴン</translation>
    </message>
</context>
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
        <source>Warning: the slow reference BLAS is in use; SAM runs about 28 times slower. Install libopenblas0-pthread and select it with 'update-alternatives --config libblas.so.3-x86_64-linux-gnu'.</source>
        <translation>警告: 低速なリファレンス BLAS が使われています。SAM は約 28 倍遅くなります。libopenblas0-pthread をインストールし、'update-alternatives --config libblas.so.3-x86_64-linux-gnu' で選択してください。</translation>
    </message>
    <message>
        <source>Version: %1
LibTorch: %2
Compute device: %3
BLAS: %4
CPU: %5
Precision (automatic): %6 (%7)</source>
        <translation>バージョン: %1
LibTorch: %2
計算デバイス: %3
BLAS: %4
CPU: %5
精度 (自動): %6 (%7)</translation>
    </message>
    <message>
        <source>Model: none loaded</source>
        <translation>モデル: 未読み込み</translation>
    </message>
    <message>
        <source>Licences: SAM-SP Studio and the SAM architecture it implements, Apache-2.0; Qt (LGPL-3.0), LibTorch (BSD-3-Clause), OpenCV (Apache-2.0), DCMTK (BSD-3-Clause), spdlog (MIT). The bundled model was trained on public data sets under their own terms (see its model card, docs/model_card.md).
Documentation: README.md and docs/ of the source tree, installed in share/doc/samsp-studio.</source>
        <translation>ライセンス: SAM-SP Studio と実装している SAM アーキテクチャは Apache-2.0。Qt (LGPL-3.0)、LibTorch (BSD-3-Clause)、OpenCV (Apache-2.0)、DCMTK (BSD-3-Clause)、spdlog (MIT)。同梱モデルは公開データセットでそれぞれの条件に従って学習されています (モデルカード docs/model_card.md を参照)。
ドキュメント: ソースツリーの README.md と docs/ (share/doc/samsp-studio にインストール)。</translation>
    </message>
    <message>
        <source>Model: %1 (identity %2)
Trained on: %3</source>
        <translation>モデル: %1 (識別子 %2)
学習データ: %3</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>未読み込み</translation>
    </message>
</context>
<context>
    <name>samsp::ui::AnnotationDocument</name>
    <message>
        <source>New instance</source>
        <translation>新しいインスタンス</translation>
    </message>
    <message>
        <source>Delete instance</source>
        <translation>インスタンスを削除</translation>
    </message>
    <message>
        <source>Change label</source>
        <translation>ラベルを変更</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>レビュー</translation>
    </message>
    <message>
        <source>Propose again</source>
        <translation>もう一度提案</translation>
    </message>
    <message>
        <source>Use pass %1</source>
        <translation>パス %1 を使う</translation>
    </message>
</context>
<context>
    <name>samsp::ui::BatchDialog</name>
    <message>
        <source>Annotate Folder</source>
        <translation>フォルダを一括注釈</translation>
    </message>
    <message>
        <source>Images or DICOM:</source>
        <translation>画像または DICOM:</translation>
    </message>
    <message>
        <source>Input Folder</source>
        <translation>入力フォルダ</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>出力フォルダ:</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>出力フォルダ</translation>
    </message>
    <message>
        <source>Class name:</source>
        <translation>クラス名:</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <source>Finished items are kept: a cancelled or interrupted batch resumes where it stopped.</source>
        <translation>完了した項目は保持されます。中止・中断したバッチは止まったところから再開します。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>Cancelling after the current item ...</source>
        <translation>現在の項目の後で中止します ...</translation>
    </message>
    <message>
        <source>Choose the input and the output folder.</source>
        <translation>入力と出力のフォルダを選んでください。</translation>
    </message>
    <message>
        <source>%1 of %2 — %3 images/s — ETA %4</source>
        <translation>%1 / %2 — %3 枚/秒 — 残り %4</translation>
    </message>
    <message>
        <source>The batch stopped: %1</source>
        <translation>バッチが止まりました: %1</translation>
    </message>
    <message>
        <source>%1 — writes %2</source>
        <translation>%1 — %2 を書き出します</translation>
    </message>
    <message>
        <source>No model is loaded (File &gt; Models).</source>
        <translation>モデルが読み込まれていません（ファイル &gt; モデル）。</translation>
    </message>
    <message>
        <source>Annotating with %1 ...</source>
        <translation>%1 で注釈中 ...</translation>
    </message>
</context>
<context>
    <name>samsp::ui::BrowserModel</name>
    <message>
        <source>Series: %1 (%2, %3 slices)</source>
        <translation>シリーズ: %1 (%2、%3 スライス)</translation>
    </message>
    <message>
        <source>%1 — cannot be read: %2</source>
        <translation>%1 — 読み込めません: %2</translation>
    </message>
    <message>
        <source>%1 — %2 accepted, %3 proposed, %4 rejected</source>
        <translation>%1 — 承認済み %2、提案済み %3、却下 %4</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>提案済み</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>却下</translation>
    </message>
</context>
<context>
    <name>samsp::ui::DatasetDialog</name>
    <message>
        <source>Export Dataset</source>
        <translation>データセットをエクスポート</translation>
    </message>
    <message>
        <source>Dataset folder:</source>
        <translation>データセットのフォルダ:</translation>
    </message>
    <message>
        <source>Dataset Folder</source>
        <translation>データセットのフォルダ</translation>
    </message>
    <message>
        <source>train</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>val</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>分割:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>シード:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <source>Also proposals nobody accepted yet</source>
        <translation>未承認の提案も含める</translation>
    </message>
    <message>
        <source>%1 accepted and %2 proposed item(s). DICOM items are split by patient.</source>
        <translation>承認済み %1 件、提案済み %2 件。DICOM は患者単位で分割されます。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Choose the dataset folder.</source>
        <translation>データセットのフォルダを選んでください。</translation>
    </message>
    <message>
        <source>Dataset written: %1; card %2</source>
        <translation>データセットを書き出しました: %1。カード %2</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>エクスポートに失敗しました: %1</translation>
    </message>
    <message numerus="yes">
        <source>No item is accepted yet. Accept items (Enter), or tick "%1" to export the %n proposal(s).</source>
        <translation><numerusform>承認済みの項目はまだありません。項目を承認する (Enter) か、「%1」にチェックを入れて %n 件の提案を書き出してください。</numerusform></translation>
    </message>
    <message>
        <source>The project has no annotated item to export.</source>
        <translation>プロジェクトに書き出せる注釈付きの項目がありません。</translation>
    </message>
    <message>
        <source>Warning: the %1 split is empty although its share is %2: the items come from too few patients (or files) to divide, and one patient is never split.</source>
        <translation>警告: 割合が %2 なのに %1 の分割が空です。項目の患者 (またはファイル) が少なすぎて分けられず、1 人の患者は分割されません。</translation>
    </message>
    <message>
        <source>Writing the dataset ...</source>
        <translation>データセットを書き出し中 ...</translation>
    </message>
</context>
<context>
    <name>samsp::ui::DicePlot</name>
    <message>
        <source>Validation Dice after each epoch</source>
        <translation>各エポック後の検証 Dice</translation>
    </message>
    <message>
        <source>validation Dice per epoch</source>
        <translation>エポックごとの検証 Dice</translation>
    </message>
</context>
<context>
    <name>samsp::ui::Downloader</name>
    <message>
        <source>cannot write '%1': %2</source>
        <translation>'%1' に書き込めません: %2</translation>
    </message>
    <message>
        <source>cancelled; %1 of %2 bytes kept for resuming</source>
        <translation>中止しました。再開用に %2 バイト中 %1 バイトを保持しています</translation>
    </message>
    <message>
        <source>%1: %2 (%3 bytes kept; start again to resume)</source>
        <translation>%1: %2 (%3 バイトを保持。再開するにはもう一度開始してください)</translation>
    </message>
    <message>
        <source>%1: HTTP status %2</source>
        <translation>%1: HTTP ステータス %2</translation>
    </message>
    <message>
        <source>%1: the connection ended after %2 of %3 bytes; start again to resume</source>
        <translation>%1: %3 バイト中 %2 バイトで接続が切れました。再開するにはもう一度開始してください</translation>
    </message>
    <message>
        <source>'%1' has %2 bytes, %3 expected; the partial file was removed</source>
        <translation>'%1' は %2 バイトですが %3 バイトのはずです。部分ファイルを削除しました</translation>
    </message>
    <message>
        <source>checksum mismatch for '%1': SHA-256 %2, expected %3; the file was removed</source>
        <translation>'%1' のチェックサムが一致しません: SHA-256 %2、期待値 %3。ファイルを削除しました</translation>
    </message>
    <message>
        <source>cannot move '%1' to '%2': %3</source>
        <translation>'%1' を '%2' に移動できません: %3</translation>
    </message>
</context>
<context>
    <name>samsp::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Writes %1</source>
        <translation>%1 を書き出します</translation>
    </message>
    <message numerus="yes">
        <source>Accepted items only (%n)</source>
        <translation><numerusform>承認済みの項目のみ (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Accepted and proposed items (%n)</source>
        <translation><numerusform>承認済みと提案済みの項目 (%n)</numerusform></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>参照...</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>フォルダへエクスポート</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>項目:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>フォルダ:</translation>
    </message>
    <message>
        <source>Choose the folder to export to.</source>
        <translation>書き出し先のフォルダを選んでください。</translation>
    </message>
</context>
<context>
    <name>samsp::ui::ImageBrowser</name>
    <message>
        <source>new</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>提案済み</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>読み込み不可</translation>
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
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The annotations could not be saved:
%1

Close anyway?</source>
        <translation>アノテーションを保存できませんでした:
%1

それでも閉じますか?</translation>
    </message>
    <message>
        <source>encode: precomputed, SAM-SP %1 ms</source>
        <translation>エンコード: 事前計算済み、SAM-SP %1 ms</translation>
    </message>
    <message>
        <source>Points and boxes need the image's embedding: wait for the proposal.</source>
        <translation>点やボックスには画像の埋め込みが必要です。提案を待ってください。</translation>
    </message>
    <message>
        <source>Refine with prompts</source>
        <translation>プロンプトで修正</translation>
    </message>
    <message>
        <source>decode %1 ms, predicted IoU %2</source>
        <translation>デコード %1 ms、予測 IoU %2</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自動保存に失敗しました: %1</translation>
    </message>
    <message>
        <source>Accepted %1.</source>
        <translation>%1 を承認しました。</translation>
    </message>
    <message>
        <source>Rejected %1.</source>
        <translation>%1 を却下しました。</translation>
    </message>
    <message>
        <source>Fill holes</source>
        <translation>穴を埋める</translation>
    </message>
    <message>
        <source>Remove islands</source>
        <translation>島を除去</translation>
    </message>
    <message>
        <source>Clean up</source>
        <translation>整える</translation>
    </message>
    <message>
        <source>Clear mask</source>
        <translation>マスクを消去</translation>
    </message>
    <message>
        <source>'%1' holds no supported images (PNG, JPEG, TIFF, BMP, WebP) or DICOM files.</source>
        <translation>'%1' にはサポートされている画像 (PNG, JPEG, TIFF, BMP, WebP) や DICOM ファイルがありません。</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>The project file could not be read and was moved to %1:
%2</source>
        <translation>プロジェクトファイルを読み込めなかったため %1 に移動しました:
%2</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>プロジェクトを開く</translation>
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
        <source>Open &amp;Project...</source>
        <translation>プロジェクトを開く(&amp;P)...</translation>
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
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>エクスポート(&amp;E)...</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Se&amp;ttings...</source>
        <translation>設定(&amp;T)...</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;Fill Holes</source>
        <translation>穴を埋める(&amp;F)</translation>
    </message>
    <message>
        <source>Remove &amp;Islands</source>
        <translation>島を除去(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Clean Up Edges</source>
        <translation>縁を整える(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;lear Mask</source>
        <translation>マスクを消去(&amp;L)</translation>
    </message>
    <message>
        <source>Clear &amp;Prompts</source>
        <translation>プロンプトを消去(&amp;P)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>ツール</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>Smaller Brush</source>
        <translation>ブラシを小さく</translation>
    </message>
    <message>
        <source>Brush radius %1 px</source>
        <translation>ブラシ半径 %1 px</translation>
    </message>
    <message>
        <source>Larger Brush</source>
        <translation>ブラシを大きく</translation>
    </message>
    <message>
        <source>&amp;Window Preset</source>
        <translation>ウィンドウプリセット(&amp;W)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>&amp;Use Selected Pass</source>
        <translation>選択したパスを使う(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>承認(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>却下(&amp;R)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>新しい言語は次回の起動から使われます。</translation>
    </message>
    <message>
        <source>SAM-SP projects (*.samsp.json *.json)</source>
        <translation>SAM-SP プロジェクト (*.samsp.json *.json)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>The export failed:
%1</source>
        <translation>エクスポートに失敗しました:
%1</translation>
    </message>
    <message>
        <source>&amp;Models...</source>
        <translation>モデル(&amp;M)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Proposing slice %1 (%2 left) ...</source>
        <translation>スライス %1 を提案中 (残り %2) ...</translation>
    </message>
    <message>
        <source>Listing %1 ...</source>
        <translation>%1 を一覧中 ...</translation>
    </message>
    <message>
        <source>Propose &amp;Slices...</source>
        <translation>スライスを提案(&amp;S)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Export &amp;Dataset...</source>
        <translation>データセットをエクスポート(&amp;D)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Annotate Folder...</source>
        <translation>フォルダを一括注釈(&amp;A)...</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>New instance: draw it, or click points / drag a box.</source>
        <translation>新しいインスタンス: 描くか、点をクリック / ボックスをドラッグしてください。</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>編集済み</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>&amp;New Instance</source>
        <translation>新しいインスタンス(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete Instance</source>
        <translation>インスタンスを削除(&amp;D)</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Mask opacity</source>
        <translation>マスクの不透明度</translation>
    </message>
    <message>
        <source>Model: %1 [%2] on %3</source>
        <translation>モデル: %1 [%2] (%3)</translation>
    </message>
    <message>
        <source>not calibrated</source>
        <translation>未較正</translation>
    </message>
    <message>
        <source>The project file could not be read (%1) and could not be moved aside (%2). It is left untouched; this session's work is saved to %3 instead.</source>
        <translation>プロジェクトファイルを読めず (%1)、退避もできませんでした (%2)。ファイルはそのまま残し、このセッションの作業は代わりに %3 に保存します。</translation>
    </message>
    <message>
        <source>Loading ...</source>
        <translation>読み込み中...</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>肺</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation>縦隔</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>骨</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>脳</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>腹部</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>肝臓</translation>
    </message>
    <message>
        <source>%1 (W %2, L %3)</source>
        <translation>%1 (W %2, L %3)</translation>
    </message>
    <message>
        <source>Use This Window as the Model's Input</source>
        <translation>このウィンドウをモデルの入力にする</translation>
    </message>
    <message>
        <source>The model now sees W %1 L %2; new proposals use it.</source>
        <translation>モデルの入力は W %1 L %2 になりました。新しい提案に使われます。</translation>
    </message>
    <message numerus="yes">
        <source>Device: CPU, %n thread(s)</source>
        <translation><numerusform>デバイス: CPU、%n スレッド</numerusform></translation>
    </message>
    <message>
        <source>Open a folder first: there is nothing to export.</source>
        <translation>先にフォルダを開いてください。書き出すものがありません。</translation>
    </message>
    <message>
        <source>No item has a mask yet.</source>
        <translation>マスクのある項目はまだありません。</translation>
    </message>
    <message>
        <source>No item is accepted yet. Accept items (Enter), or choose "%1".</source>
        <translation>承認済みの項目はまだありません。項目を承認する (Enter) か、「%1」を選んでください。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n item(s) as %1 to %2: %3 file(s).</source>
        <translation><numerusform>%n 項目を %1 として %2 に書き出しました: %3 ファイル。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Not exported (%n):</source>
        <translation><numerusform>書き出せなかった項目 (%n):</numerusform></translation>
    </message>
    <message>
        <source>GPU %1, %2</source>
        <translation>GPU %1、%2</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s), %1</source>
        <translation><numerusform>CPU、%n スレッド、%1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Slices %1–%2 (%n slice(s)):</source>
        <translation><numerusform>スライス %1–%2 (%n 枚):</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n proposed</source>
        <translation><numerusform>%n 枚を提案</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n of them with no object found</source>
        <translation><numerusform>うち %n 枚は物体なし</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (already proposed or reviewed)</source>
        <translation><numerusform>%n 枚を省略 (提案済みまたは確認済み)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n not proposed (stopped)</source>
        <translation><numerusform>%n 枚は未提案 (停止)</numerusform></translation>
    </message>
    <message>
        <source>Wait for the model to load.</source>
        <translation>モデルの読み込みを待ってください。</translation>
    </message>
    <message>
        <source>Next &amp;Unreviewed</source>
        <translation>次の未確認(&amp;U)</translation>
    </message>
    <message>
        <source>Nothing after this is left to review.</source>
        <translation>この後に確認の残りはありません。</translation>
    </message>
    <message>
        <source>&amp;Train on Accepted Items...</source>
        <translation>承認済みの項目で学習(&amp;T)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>A training round is already running.</source>
        <translation>学習ラウンドはすでに実行中です。</translation>
    </message>
    <message>
        <source>Open a folder first: training learns from its accepted items.</source>
        <translation>先にフォルダを開いてください。学習はその承認済みの項目から行います。</translation>
    </message>
    <message>
        <source>Load a model first: training starts from it.</source>
        <translation>先にモデルを読み込んでください。学習はそこから始まります。</translation>
    </message>
    <message>
        <source>Accept at least 2 items (Enter) to train on them.</source>
        <translation>学習するには少なくとも 2 項目を承認してください (Enter)。</translation>
    </message>
    <message>
        <source>The project could not be saved: %1</source>
        <translation>プロジェクトを保存できませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>Training on %n accepted item(s) for %1 min; you can go on labelling.</source>
        <translation><numerusform>承認済みの %n 項目で %1 分学習します。ラベル付けを続けられます。</numerusform></translation>
    </message>
    <message>
        <source>Training stopped; the model in use stays %1.</source>
        <translation>学習を停止しました。使用中のモデルは %1 のままです。</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>学習に失敗しました: %1</translation>
    </message>
    <message numerus="yes">
        <source>Round %1: trained on %n item(s) in %2 min, validation Dice %3; now in use. %4 untouched proposal(s) will be made again.</source>
        <translation><numerusform>ラウンド %1: %n 項目で %2 分学習、検証 Dice %3。現在使用中です。手付かずの提案 %4 件を作り直します。</numerusform></translation>
    </message>
    <message>
        <source>Sort Images by &amp;Uncertainty</source>
        <translation>画像を不確かさ順に並べる(&amp;U)</translation>
    </message>
    <message>
        <source>Least certain proposals first (lowest predicted IoU): corrections there teach the model most</source>
        <translation>最も不確かな提案を先に (予測 IoU が最も低い順)。そこでの修正がモデルに最もよく教えます</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>Images sorted by uncertainty: least certain first.</source>
        <translation>画像を不確かさ順に並べました (最も不確かなものが先頭)。</translation>
    </message>
    <message>
        <source>Images sorted by name.</source>
        <translation>画像を名前順に並べました。</translation>
    </message>
    <message>
        <source>'%1' is not a folder.</source>
        <translation>「%1」はフォルダーではありません。</translation>
    </message>
    <message>
        <source>'%1' is not a file.</source>
        <translation>「%1」はファイルではありません。</translation>
    </message>
    <message>
        <source>Propose slices again</source>
        <translation>スライスをもう一度提案</translation>
    </message>
    <message>
        <source>Exporting as %1 ...</source>
        <translation>%1 として書き出し中 ...</translation>
    </message>
    <message>
        <source>Device: ...</source>
        <translation>デバイス: ...</translation>
    </message>
    <message>
        <source>A segmentation is being imported already.</source>
        <translation>セグメンテーションはすでに取り込み中です。</translation>
    </message>
    <message>
        <source>Open the DICOM series the segmentation belongs to first: it is laid over the slices on screen.</source>
        <translation>先にセグメンテーションが属する DICOM シリーズを開いてください。表示中のスライスに重ねて取り込みます。</translation>
    </message>
    <message>
        <source>The import of %1 was dropped: another image was opened meanwhile.</source>
        <translation>%1 の取り込みを中止しました: その間に別の画像が開かれました。</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 を取り込む</translation>
    </message>
    <message>
        <source>Imported %1: %2 instance(s) on %3 slice(s).</source>
        <translation>%1 を取り込みました: %3 枚のスライスに %2 個のインスタンス。</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) matched no slice of this series.</source>
        <translation><numerusform>%n 枚のフレームはこのシリーズのどのスライスにも対応しませんでした。</numerusform></translation>
    </message>
    <message>
        <source>Importing %1...</source>
        <translation>%1 を取り込んでいます...</translation>
    </message>
    <message>
        <source>&amp;Import Segmentation...</source>
        <translation>セグメンテーションを取り込む(&amp;I)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Import Segmentation</source>
        <translation>セグメンテーションを取り込む</translation>
    </message>
    <message>
        <source>DICOM SEG or NIfTI label volumes (%1)</source>
        <translation>DICOM SEG または NIfTI ラベルボリューム (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Propagating: %n slice(s) so far (Esc stops).</source>
        <translation><numerusform>伝播中: これまでに %n 枚 (Esc で停止)。</numerusform></translation>
    </message>
    <message>
        <source>A propagation is running already (Esc stops it).</source>
        <translation>伝播はすでに実行中です (Esc で停止)。</translation>
    </message>
    <message>
        <source>Propagation works on a volume: open a DICOM series.</source>
        <translation>伝播はボリュームで動作します。DICOM シリーズを開いてください。</translation>
    </message>
    <message>
        <source>Draw or accept a mask on this slice first: it is what is carried to the next slices.</source>
        <translation>先にこのスライスにマスクを描くか承認してください。それが次のスライスへ引き継がれます。</translation>
    </message>
    <message>
        <source>Propagating from slice %1 (Esc stops)...</source>
        <translation>スライス %1 から伝播しています (Esc で停止)...</translation>
    </message>
    <message>
        <source>Propagation failed: %1</source>
        <translation>伝播に失敗しました: %1</translation>
    </message>
    <message>
        <source>The propagation was dropped: another image was opened meanwhile.</source>
        <translation>伝播を破棄しました: その間に別の画像が開かれました。</translation>
    </message>
    <message>
        <source>Propagate from slice %1</source>
        <translation>スライス %1 から伝播</translation>
    </message>
    <message numerus="yes">
        <source>Propagation stopped: %n slice(s) proposed for review.</source>
        <translation><numerusform>伝播を停止しました: %n 枚のスライスを確認用に提案しました。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Propagated to %n slice(s), proposed for review.</source>
        <translation><numerusform>%n 枚のスライスへ伝播し、確認用に提案しました。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n reviewed slice(s) left as they were.</source>
        <translation><numerusform>確認済みの %n 枚はそのままです。</numerusform></translation>
    </message>
    <message>
        <source>Propagate &amp;Through Slices</source>
        <translation>スライスへ伝播(&amp;T)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Proposed %1 of %2 item(s) again with the new model.</source>
        <translation>新しいモデルで %2 項目中 %1 項目を提案し直しました。</translation>
    </message>
    <message numerus="yes">
        <source>Proposing %n item(s) again in the background, most uncertain first...</source>
        <translation><numerusform>%n 項目をバックグラウンドで提案し直しています (不確かなものから)...</numerusform></translation>
    </message>
</context>
<context>
    <name>samsp::ui::ModelManagerDialog</name>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Cancel Download</source>
        <translation>ダウンロードを中止</translation>
    </message>
    <message>
        <source>Add Local Checkpoint...</source>
        <translation>ローカルのチェックポイントを追加...</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <source>Checkpoints (*.pth *.pt *.safetensors)</source>
        <translation>チェックポイント (*.pth *.pt *.safetensors)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Downloaded and verified: %1</source>
        <translation>ダウンロードして検証しました: %1</translation>
    </message>
    <message>
        <source>Download stopped: %1</source>
        <translation>ダウンロードが止まりました: %1</translation>
    </message>
    <message>
        <source>Checkpoints are kept in %1.</source>
        <translation>チェックポイントは %1 に保存されます。</translation>
    </message>
    <message>
        <source>No published checksum: %1</source>
        <translation>公開されたチェックサムなし: %1</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>ダウンロード済み</translation>
    </message>
    <message>
        <source>partial (%1)</source>
        <translation>途中まで (%1)</translation>
    </message>
    <message>
        <source>not downloaded</source>
        <translation>未ダウンロード</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使う</translation>
    </message>
    <message>
        <source>Open Page</source>
        <translation>ページを開く</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>Downloading %1 ...</source>
        <translation>%1 をダウンロード中 ...</translation>
    </message>
    <message>
        <source>Checking %1 ...</source>
        <translation>%1 を確認しています...</translation>
    </message>
    <message>
        <source>Downloaded and verified by loading (no checksum is published): %1</source>
        <translation>ダウンロードし、読み込みで検証しました (チェックサムは公開されていません): %1</translation>
    </message>
    <message>
        <source>The download is not the expected checkpoint and was removed: %1</source>
        <translation>ダウンロードは想定したチェックポイントではないため削除しました: %1</translation>
    </message>
    <message>
        <source>No published checksum; a download must load as %1 (every tensor name and shape). %2</source>
        <translation>チェックサムは公開されていません。ダウンロードは %1 として読み込める必要があります (すべてのテンソル名と形状)。%2</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Trained on</source>
        <translation>学習データ</translation>
    </message>
    <message>
        <source>Bundled default model</source>
        <translation>同梱の既定モデル</translation>
    </message>
    <message>
        <source>SHA-256 %1 (published)</source>
        <translation>SHA-256 %1 (公開値)</translation>
    </message>
    <message>
        <source>computing ...</source>
        <translation>計算中...</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>非公開</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>同梱</translation>
    </message>
    <message>
        <source>%1 (this project)</source>
        <translation>%1 (このプロジェクト)</translation>
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
        <source>not calibrated</source>
        <translation>未較正</translation>
    </message>
    <message>
        <source>Encode %1 ms, passes %2 ms.</source>
        <translation>エンコード %1 ms、パス %2 ms。</translation>
    </message>
    <message>
        <source>No object found: the pass without a prompt is empty.</source>
        <translation>物体が見つかりません: プロンプトなしのパスが空です。</translation>
    </message>
    <message>
        <source>No object found: pass %1 is empty.</source>
        <translation>物体が見つかりません: パス %1 が空です。</translation>
    </message>
    <message numerus="yes">
        <source>%n pass(es); converged at pass %1.</source>
        <translation><numerusform>%n パス。パス %1 で収束しました。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n pass(es), all run.</source>
        <translation><numerusform>%n パス、すべて実行しました。</numerusform></translation>
    </message>
</context>
<context>
    <name>samsp::ui::ProposeSlicesDialog</name>
    <message>
        <source>Propose Slices</source>
        <translation>スライスを提案</translation>
    </message>
    <message>
        <source>Current slice (%1)</source>
        <translation>現在のスライス (%1)</translation>
    </message>
    <message>
        <source>Object's extent (%1–%2)</source>
        <translation>物体の範囲 (%1–%2)</translation>
    </message>
    <message>
        <source>Object's extent (no mask yet)</source>
        <translation>物体の範囲 (マスクなし)</translation>
    </message>
    <message>
        <source>Whole series (1–%1)</source>
        <translation>シリーズ全体 (1–%1)</translation>
    </message>
    <message>
        <source>Skip slices already proposed (reviewed slices are always kept)</source>
        <translation>提案済みのスライスを飛ばす (確認済みのスライスは常に保持)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>から</translation>
    </message>
    <message>
        <source>Slices:</source>
        <translation>スライス:</translation>
    </message>
    <message>
        <source>Presets:</source>
        <translation>プリセット:</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Esc stops after the current slice; what is proposed so far is kept.</source>
        <translation>Esc で現在のスライスの後に停止します。それまでの提案は保持されます。</translation>
    </message>
</context>
<context>
    <name>samsp::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <source>Automatic (GPU when present)</source>
        <translation>自動 (GPU があれば使用)</translation>
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
        <translation>デバイス:</translation>
    </message>
    <message>
        <source>The bundled default model</source>
        <translation>同梱の既定モデル</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>参照...</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <source>Checkpoints (*.pth *.pt *.safetensors)</source>
        <translation>チェックポイント (*.pth *.pt *.safetensors)</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>モデル:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Self-prompting passes after pass 0:</source>
        <translation>パス 0 の後の自己プロンプトのパス数:</translation>
    </message>
    <message>
        <source>Box from the previous pass</source>
        <translation>前のパスのボックス</translation>
    </message>
    <message>
        <source>Mask logits from the previous pass</source>
        <translation>前のパスのマスクロジット</translation>
    </message>
    <message>
        <source>Point farthest from the border</source>
        <translation>境界から最も遠い点</translation>
    </message>
    <message>
        <source>Prompts:</source>
        <translation>プロンプト:</translation>
    </message>
    <message>
        <source>Stop when two passes agree this well (above 1: never stop early).</source>
        <translation>2 つのパスがこの程度一致したら終了します (1 より大きい値: 早期終了しない)。</translation>
    </message>
    <message>
        <source>Stop early at IoU:</source>
        <translation>早期終了の IoU:</translation>
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
        <translation>ショートカット</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>既定に戻す</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <source>%1 is used by both "%2" and "%3".</source>
        <translation>%1 は「%2」と「%3」の両方に割り当てられています。</translation>
    </message>
    <message>
        <source>fp32 (exact)</source>
        <translation>fp32 (正確)</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度:</translation>
    </message>
    <message>
        <source>Automatic (bf16 only where the hardware has it)</source>
        <translation>自動 (ハードウェアが対応する場合のみ bf16)</translation>
    </message>
    <message>
        <source>bf16 (needs native bf16: AVX512_BF16 / AMX, or an Ampere+ GPU)</source>
        <translation>bf16 (ネイティブ bf16 が必要: AVX512_BF16 / AMX、または Ampere 以降の GPU)</translation>
    </message>
    <message>
        <source>This computer has no native bf16 (%1): bf16 would run many times slower than fp32.</source>
        <translation>このコンピュータにはネイティブ bf16 がありません (%1)。bf16 は fp32 より何倍も遅くなります。</translation>
    </message>
    <message>
        <source>CPU: %1</source>
        <translation>CPU: %1</translation>
    </message>
    <message>
        <source>The last pass</source>
        <translation>最後のパス</translation>
    </message>
    <message>
        <source>The pass with the highest predicted IoU</source>
        <translation>予測 IoU が最も高いパス</translation>
    </message>
    <message>
        <source>Which self-prompting pass becomes the proposal. The method keeps the last one; the model's IoU head can pick instead (it predicts each pass's IoU).</source>
        <translation>どの自己プロンプトのパスを提案にするか。手法は最後のパスを採用します。代わりにモデルの IoU ヘッドが選ぶこともできます (各パスの IoU を予測します)。</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>採用:</translation>
    </message>
</context>
<context>
    <name>samsp::ui::SliceStrip</name>
    <message>
        <source>%1 new, %2 proposed, %3 accepted, %4 rejected</source>
        <translation>新規 %1、提案済み %2、承認済み %3、却下 %4</translation>
    </message>
</context>
<context>
    <name>samsp::ui::TrainDialog</name>
    <message>
        <source>Train on Accepted Items</source>
        <translation>承認済みの項目で学習</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Time budget:</source>
        <translation>時間の上限:</translation>
    </message>
    <message numerus="yes">
        <source>%n accepted item(s) will be learned from; you can go on labelling meanwhile.</source>
        <translation><numerusform>承認済みの %n 項目から学習します。その間もラベル付けを続けられます。</numerusform></translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Cancel Training</source>
        <translation>学習を中止</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Accept at least 2 items (Enter) to train on them.</source>
        <translation>学習するには少なくとも 2 項目を承認してください (Enter)。</translation>
    </message>
    <message>
        <source>Training: about %1 left.</source>
        <translation>学習中: 残り約 %1。</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Preparing the accepted items ...</source>
        <translation>承認済みの項目を準備しています...</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2, validation Dice %3</source>
        <translation>エポック %1: 損失 %2、検証 Dice %3</translation>
    </message>
</context>
<context>
    <name>samsp::ui::VolumeBar</name>
    <message>
        <source>Slices</source>
        <translation>スライス</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>スライス</translation>
    </message>
</context>
</TS>
