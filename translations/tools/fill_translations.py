#!/usr/bin/env python3
"""Fills translations/samsp_*.ts from the table below after `update_translations`.

Usage: python3 translations/tools/fill_translations.py
A source string without an entry stays unfinished, and the script lists it,
so new strings are noticed when they are added.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

T = {
 "About SAM-SP Studio": ("Über SAM-SP Studio", "SAM-SP Studio について", "关于 SAM-SP Studio"),
 "SAM-SP Studio": ("SAM-SP Studio", "SAM-SP Studio", "SAM-SP Studio"),
 "Segmentation labelling with self-prompting Segment Anything (SAM-SP).": (
    "Segmentierungs-Annotation mit selbst-promptendem Segment Anything (SAM-SP).",
    "自己プロンプト型 Segment Anything (SAM-SP) によるセグメンテーションのラベル付け。",
    "基于自提示 Segment Anything (SAM-SP) 的分割标注。"),
 "Version: %1\nLibTorch: %2\nCompute device: %3\nBLAS: %4": (
    "Version: %1\nLibTorch: %2\nRechengerät: %3\nBLAS: %4",
    "バージョン: %1\nLibTorch: %2\n計算デバイス: %3\nBLAS: %4",
    "版本: %1\nLibTorch: %2\n计算设备: %3\nBLAS: %4"),
 "Warning: the slow reference BLAS is in use; SAM runs about 28 times slower. Install libopenblas0-pthread and select it with 'update-alternatives --config libblas.so.3-x86_64-linux-gnu'.": (
    "Warnung: Die langsame Referenz-BLAS ist aktiv; SAM läuft etwa 28-mal langsamer. Installieren Sie libopenblas0-pthread und wählen Sie es mit 'update-alternatives --config libblas.so.3-x86_64-linux-gnu'.",
    "警告: 低速なリファレンス BLAS が使われています。SAM は約 28 倍遅くなります。libopenblas0-pthread をインストールし、'update-alternatives --config libblas.so.3-x86_64-linux-gnu' で選択してください。",
    "警告: 正在使用较慢的参考 BLAS，SAM 的运行速度约慢 28 倍。请安装 libopenblas0-pthread，并用 'update-alternatives --config libblas.so.3-x86_64-linux-gnu' 选择它。"),
 "Image canvas": ("Bildfläche", "画像キャンバス", "图像画布"),
 "Images": ("Bilder", "画像", "图像"),
 "No image": ("Kein Bild", "画像なし", "无图像"),
 "Zoom %1%": ("Zoom %1%", "ズーム %1%", "缩放 %1%"),
 "&File": ("&Datei", "ファイル(&F)", "文件(&F)"),
 "&Open Image...": ("Bild ö&ffnen...", "画像を開く(&O)...", "打开图像(&O)..."),
 "Open &Folder...": ("&Ordner öffnen...", "フォルダを開く(&F)...", "打开文件夹(&F)..."),
 "Ctrl+Shift+O": ("Ctrl+Shift+O", "Ctrl+Shift+O", "Ctrl+Shift+O"),
 "&Quit": ("&Beenden", "終了(&Q)", "退出(&Q)"),
 "&View": ("&Ansicht", "表示(&V)", "视图(&V)"),
 "&Fit to Window": ("An &Fenster anpassen", "ウィンドウに合わせる(&F)", "适应窗口(&F)"),
 "Ctrl+0": ("Ctrl+0", "Ctrl+0", "Ctrl+0"),
 "&Actual Size": ("&Originalgröße", "実際のサイズ(&A)", "实际大小(&A)"),
 "Ctrl+1": ("Ctrl+1", "Ctrl+1", "Ctrl+1"),
 "Zoom &In": ("Ver&größern", "拡大(&I)", "放大(&I)"),
 "Zoom &Out": ("Ver&kleinern", "縮小(&O)", "缩小(&O)"),
 "&Go": ("&Gehe zu", "移動(&G)", "转到(&G)"),
 "&Next Image": ("&Nächstes Bild", "次の画像(&N)", "下一张图像(&N)"),
 "&Previous Image": ("&Vorheriges Bild", "前の画像(&P)", "上一张图像(&P)"),
 "&Help": ("&Hilfe", "ヘルプ(&H)", "帮助(&H)"),
 "&About SAM-SP Studio": ("Ü&ber SAM-SP Studio", "SAM-SP Studio について(&A)", "关于 SAM-SP Studio(&A)"),
 "Device: %1": ("Gerät: %1", "デバイス: %1", "设备: %1"),
 "(slow reference BLAS: see Help > About)": ("(langsame Referenz-BLAS: siehe Hilfe > Über)",
    "(低速なリファレンス BLAS: ヘルプ > について を参照)", "(较慢的参考 BLAS：见 帮助 > 关于)"),
 "'%1' holds no supported images (PNG, JPEG, TIFF, BMP, WebP).": (
    "'%1' enthält keine unterstützten Bilder (PNG, JPEG, TIFF, BMP, WebP).",
    "'%1' にはサポートされている画像 (PNG, JPEG, TIFF, BMP, WebP) がありません。",
    "'%1' 中没有受支持的图像 (PNG, JPEG, TIFF, BMP, WebP)。"),
 "Loading %1 ...": ("Lade %1 ...", "%1 を読み込み中 ...", "正在加载 %1 ..."),
 "Cannot open %1": ("%1 kann nicht geöffnet werden", "%1 を開けません", "无法打开 %1"),
 "Open Folder": ("Ordner öffnen", "フォルダを開く", "打开文件夹"),
 "Open Image": ("Bild öffnen", "画像を開く", "打开图像"),
 "Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)": ("Bilder (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)",
    "画像 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)", "图像 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)"),
 " — IoU with pass %1: %2": (" — IoU mit Durchgang %1: %2", " — 第 %1 パスとの IoU: %2", " — 与第 %1 轮的 IoU: %2"),
 "%1 pass(es); %2. Encode %3 ms, passes %4 ms.": ("%1 Durchgang/Durchgänge; %2. Kodierung %3 ms, Durchgänge %4 ms.",
    "%1 パス; %2。エンコード %3 ms、パス %4 ms。", "%1 轮; %2。编码 %3 ms，各轮 %4 ms。"),
 "&Propose Again": ("Erneut &vorschlagen", "再提案(&P)", "重新提议(&P)"),
 "&SAM-SP": ("&SAM-SP", "&SAM-SP", "&SAM-SP"),
 "Ctrl+R": ("Ctrl+R", "Ctrl+R", "Ctrl+R"),
 "Loading model %1 ...": ("Lade Modell %1 ...", "モデル %1 を読み込み中 ...", "正在加载模型 %1 ..."),
 "Model": ("Modell", "モデル", "模型"),
 "Model: %1 on %2": ("Modell: %1 auf %2", "モデル: %1 (%2)", "模型: %1，设备 %2"),
 "N&ext Pass": ("Nä&chster Durchgang", "次のパス(&E)", "下一轮(&E)"),
 "No model": ("Kein Modell", "モデルなし", "无模型"),
 "No model loaded.": ("Kein Modell geladen.", "モデルが読み込まれていません。", "未加载模型。"),
 "No object found: %1": ("Kein Objekt gefunden: %1", "対象が見つかりません: %1", "未找到目标: %1"),
 "No proposal yet.": ("Noch kein Vorschlag.", "まだ提案はありません。", "尚无提议。"),
 "Pass %1 is now the result.": ("Durchgang %1 ist jetzt das Ergebnis.", "第 %1 パスを結果にしました。", "第 %1 轮现为结果。"),
 "Pass %1: %2 — predicted IoU %3 — %4 ms": ("Durchgang %1: %2 — vorhergesagte IoU %3 — %4 ms",
    "パス %1: %2 — 予測 IoU %3 — %4 ms", "第 %1 轮: %2 — 预测 IoU %3 — %4 ms"),
 "Pre&vious Pass": ("&Vorheriger Durchgang", "前のパス(&V)", "上一轮(&V)"),
 "Proposing ...": ("Schlage vor ...", "提案中 ...", "正在提议 ..."),
 "SAM-SP Passes": ("SAM-SP-Durchgänge", "SAM-SP パス", "SAM-SP 各轮"),
 "Show &Mask": ("&Maske anzeigen", "マスクを表示(&M)", "显示掩码(&M)"),
 "The model could not be loaded:\n%1": ("Das Modell konnte nicht geladen werden:\n%1", "モデルを読み込めませんでした:\n%1",
    "无法加载模型:\n%1"),
 "The proposal failed: %1": ("Der Vorschlag ist fehlgeschlagen: %1", "提案に失敗しました: %1", "提议失败: %1"),
 "Use this pass": ("Diesen Durchgang verwenden", "このパスを使う", "使用这一轮"),
 "box": ("Box", "ボックス", "框"),
 "encode %1 ms, SAM-SP %2 ms": ("Kodierung %1 ms, SAM-SP %2 ms", "エンコード %1 ms、SAM-SP %2 ms", "编码 %1 ms，SAM-SP %2 ms"),
 "mask": ("Maske", "マスク", "掩码"),
 "no prompt": ("kein Prompt", "プロンプトなし", "无提示"),
 # Studio: editing, projects, volumes, settings (session 2)
 "  (%1, %2, %3) mm": ("  (%1, %2, %3) mm", "  (%1, %2, %3) mm", "  (%1, %2, %3) mm"),
 " HU": (" HU", " HU", " HU"),
 "%1 / %2  W %3 L %4": ("%1 / %2  F %3 L %4", "%1 / %2  W %3 L %4", "%1 / %2  窗宽 %3 窗位 %4"),
 "%1 is used by both \"%2\" and \"%3\".": ("%1 ist sowohl „%2“ als auch „%3“ zugewiesen.",
    "%1 は「%2」と「%3」の両方に割り当てられています。", "%1 同时分配给了“%2”和“%3”。"),
 "%1 slice(s) of %2 x %3, %4": ("%1 Schicht(en) zu %2 x %3, %4", "%2 x %3 のスライス %1 枚、%4", "%1 个切片，%2 x %3，%4"),
 "&Accept": ("&Annehmen", "承認(&A)", "接受(&A)"),
 "&Clean Up Edges": ("Ränder &glätten", "縁を整える(&C)", "清理边缘(&C)"),
 "&Edit": ("&Bearbeiten", "編集(&E)", "编辑(&E)"),
 "&Export...": ("&Exportieren...", "エクスポート(&E)...", "导出(&E)..."),
 "&Fill Holes": ("&Löcher füllen", "穴を埋める(&F)", "填充孔洞(&F)"),
 "&Redo": ("&Wiederholen", "やり直し(&R)", "重做(&R)"),
 "&Reject": ("&Verwerfen", "却下(&R)", "拒绝(&R)"),
 "&Save": ("&Speichern", "保存(&S)", "保存(&S)"),
 "&Tools": ("&Werkzeuge", "ツール(&T)", "工具(&T)"),
 "&Undo": ("&Rückgängig", "元に戻す(&U)", "撤销(&U)"),
 "&Use Selected Pass": ("Gewählten Durchlauf &verwenden", "選択したパスを使う(&U)", "使用所选轮次(&U)"),
 "&Window Preset": ("&Fenster-Voreinstellung", "ウィンドウプリセット(&W)", "窗口预设(&W)"),
 "'%1' holds no supported images (PNG, JPEG, TIFF, BMP, WebP) or DICOM files.": (
    "'%1' enthält keine unterstützten Bilder (PNG, JPEG, TIFF, BMP, WebP) oder DICOM-Dateien.",
    "'%1' にはサポートされている画像 (PNG, JPEG, TIFF, BMP, WebP) や DICOM ファイルがありません。",
    "'%1' 中没有受支持的图像 (PNG, JPEG, TIFF, BMP, WebP) 或 DICOM 文件。"),
 "Accepted %1.": ("%1 angenommen.", "%1 を承認しました。", "已接受 %1。"),
 "Action": ("Aktion", "操作", "操作"),
 "Automatic": ("Automatisch", "自動", "自动"),
 "Automatic (GPU when present)": ("Automatisch (GPU, wenn vorhanden)", "自動 (GPU があれば使用)", "自动 (有 GPU 时使用)"),
 "Autosave failed: %1": ("Automatisches Speichern fehlgeschlagen: %1", "自動保存に失敗しました: %1", "自动保存失败: %1"),
 "Box": ("Rechteck", "ボックス", "框"),
 "Box from the previous pass": ("Rechteck aus dem vorigen Durchlauf", "前のパスのボックス", "上一轮的框"),
 "Browse...": ("Durchsuchen...", "参照...", "浏览..."),
 "Brush": ("Pinsel", "ブラシ", "画笔"),
 "Brush radius %1 px": ("Pinselradius %1 px", "ブラシ半径 %1 px", "画笔半径 %1 像素"),
 "Brush stroke": ("Pinselstrich", "ブラシストローク", "画笔笔划"),
 "C&lear Mask": ("Maske &leeren", "マスクを消去(&L)", "清除掩膜(&L)"),
 "CPU": ("CPU", "CPU", "CPU"),
 "CUDA GPU": ("CUDA-GPU", "CUDA GPU", "CUDA GPU"),
 "Checkpoint": ("Checkpoint", "チェックポイント", "检查点"),
 "Checkpoints (*.pth *.pt *.safetensors)": ("Checkpoints (*.pth *.pt *.safetensors)",
    "チェックポイント (*.pth *.pt *.safetensors)", "检查点 (*.pth *.pt *.safetensors)"),
 "Clean up": ("Glätten", "整える", "清理"),
 "Clear &Prompts": ("&Prompts entfernen", "プロンプトを消去(&P)", "清除提示(&P)"),
 "Clear mask": ("Maske leeren", "マスクを消去", "清除掩膜"),
 "Ctrl+Alt+O": ("Ctrl+Alt+O", "Ctrl+Alt+O", "Ctrl+Alt+O"),
 "Ctrl+E": ("Ctrl+E", "Ctrl+E", "Ctrl+E"),
 "Ctrl+Shift+Z": ("Ctrl+Shift+Z", "Ctrl+Shift+Z", "Ctrl+Shift+Z"),
 "Device:": ("Gerät:", "デバイス:", "设备:"),
 "Eraser": ("Radierer", "消しゴム", "橡皮擦"),
 "Eraser stroke": ("Radierstrich", "消しゴムストローク", "橡皮擦笔划"),
 "Export": ("Exportieren", "エクスポート", "导出"),
 "Export to Folder": ("In Ordner exportieren", "フォルダへエクスポート", "导出到文件夹"),
 "Exported %1 file(s) to %2.": ("%1 Datei(en) nach %2 exportiert.", "%1 個のファイルを %2 にエクスポートしました。", "已将 %1 个文件导出到 %2。"),
 "Fill holes": ("Löcher füllen", "穴を埋める", "填充孔洞"),
 "Format:": ("Format:", "形式:", "格式:"),
 "General": ("Allgemein", "一般", "常规"),
 "Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)": ("Bilder (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)",
    "画像 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)", "图像 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)"),
 "Labels": ("Klassen", "ラベル", "标签"),
 "Language": ("Sprache", "言語", "语言"),
 "Language:": ("Sprache:", "言語:", "语言:"),
 "Larger Brush": ("Größerer Pinsel", "ブラシを大きく", "增大画笔"),
 "Mask logits from the previous pass": ("Masken-Logits aus dem vorigen Durchlauf", "前のパスのマスクロジット", "上一轮的掩膜 logits"),
 "Model:": ("Modell:", "モデル:", "模型:"),
 "Open &Project...": ("&Projekt öffnen...", "プロジェクトを開く(&P)...", "打开项目(&P)..."),
 "Open Project": ("Projekt öffnen", "プロジェクトを開く", "打开项目"),
 "Pan": ("Verschieben", "パン", "平移"),
 "Point farthest from the border": ("Punkt mit größtem Randabstand", "境界から最も遠い点", "离边界最远的点"),
 "Points (left: add, right: remove)": ("Punkte (links: hinzufügen, rechts: ausschließen)", "点 (左: 追加、右: 除外)", "点 (左键: 添加，右键: 排除)"),
 "Points and boxes need the image's embedding: wait for the proposal.": (
    "Punkte und Rechtecke brauchen das Embedding des Bildes: Warten Sie auf den Vorschlag.",
    "点やボックスには画像の埋め込みが必要です。提案を待ってください。",
    "点和框需要图像的嵌入：请等待提议完成。"),
 "Polygon": ("Polygon", "ポリゴン", "多边形"),
 "Project": ("Projekt", "プロジェクト", "项目"),
 "Prompts:": ("Prompts:", "プロンプト:", "提示:"),
 "Refine with prompts": ("Mit Prompts verfeinern", "プロンプトで修正", "用提示细化"),
 "Rejected %1.": ("%1 verworfen.", "%1 を却下しました。", "已拒绝 %1。"),
 "Remove &Islands": ("&Inseln entfernen", "島を除去(&I)", "去除孤岛(&I)"),
 "Remove islands": ("Inseln entfernen", "島を除去", "去除孤岛"),
 "Restore Defaults": ("Standard wiederherstellen", "既定に戻す", "恢复默认"),
 "SAM-SP": ("SAM-SP", "SAM-SP", "SAM-SP"),
 "SAM-SP projects (*.samsp.json *.json)": ("SAM-SP-Projekte (*.samsp.json *.json)", "SAM-SP プロジェクト (*.samsp.json *.json)",
    "SAM-SP 项目 (*.samsp.json *.json)"),
 "Save": ("Speichern", "保存", "保存"),
 "Saved %1": ("%1 gespeichert", "%1 を保存しました", "已保存 %1"),
 "Se&ttings...": ("&Einstellungen...", "設定(&T)...", "设置(&T)..."),
 "Self-prompting passes after pass 0:": ("Selbst-Prompt-Durchläufe nach Durchlauf 0:", "パス 0 の後の自己プロンプトのパス数:",
    "第 0 轮之后的自提示轮数:"),
 "Series: %1 (%2, %3 slices)": ("Serie: %1 (%2, %3 Schichten)", "シリーズ: %1 (%2、%3 スライス)", "序列: %1 (%2，%3 个切片)"),
 "Settings": ("Einstellungen", "設定", "设置"),
 "Shortcut": ("Tastenkürzel", "ショートカット", "快捷键"),
 "Shortcuts": ("Tastenkürzel", "ショートカット", "快捷键"),
 "Slice": ("Schicht", "スライス", "切片"),
 "Slices": ("Schichten", "スライス", "切片"),
 "Smaller Brush": ("Kleinerer Pinsel", "ブラシを小さく", "减小画笔"),
 "Stop early at IoU:": ("Vorzeitig stoppen bei IoU:", "早期終了の IoU:", "提前停止的 IoU:"),
 "Stop when two passes agree this well (above 1: never stop early).": (
    "Stoppen, wenn zwei Durchläufe so gut übereinstimmen (über 1: nie vorzeitig).",
    "2 つのパスがこの程度一致したら終了します (1 より大きい値: 早期終了しない)。",
    "两轮结果一致程度达到此值时停止 (大于 1: 从不提前停止)。"),
 "System language": ("Systemsprache", "システムの言語", "系统语言"),
 "The annotations could not be saved:\n%1\n\nClose anyway?": (
    "Die Annotationen konnten nicht gespeichert werden:\n%1\n\nTrotzdem schließen?",
    "アノテーションを保存できませんでした:\n%1\n\nそれでも閉じますか?",
    "无法保存标注:\n%1\n\n仍要关闭吗?"),
 "The bundled default model": ("Das mitgelieferte Standardmodell", "同梱の既定モデル", "内置默认模型"),
 "The export failed:\n%1": ("Der Export ist fehlgeschlagen:\n%1", "エクスポートに失敗しました:\n%1", "导出失败:\n%1"),
 "The new language is used from the next start.": ("Die neue Sprache gilt ab dem nächsten Start.",
    "新しい言語は次回の起動から使われます。", "新语言将在下次启动时生效。"),
 "The project file could not be read and was moved to %1:\n%2": (
    "Die Projektdatei war nicht lesbar und wurde nach %1 verschoben:\n%2",
    "プロジェクトファイルを読み込めなかったため %1 に移動しました:\n%2",
    "无法读取项目文件，已将其移至 %1:\n%2"),
 "Tools": ("Werkzeuge", "ツール", "工具"),
 "Use pass %1": ("Durchlauf %1 verwenden", "パス %1 を使う", "使用第 %1 轮"),
 "accepted": ("angenommen", "承認済み", "已接受"),
 "decode %1 ms, predicted IoU %2": ("Dekodieren %1 ms, vorhergesagte IoU %2", "デコード %1 ms、予測 IoU %2", "解码 %1 毫秒，预测 IoU %2"),
 "encode: precomputed, SAM-SP %1 ms": ("Kodieren: vorberechnet, SAM-SP %1 ms", "エンコード: 事前計算済み、SAM-SP %1 ms",
    "编码: 已预先计算，SAM-SP %1 毫秒"),
 "new": ("neu", "新規", "新建"),
 "proposed": ("vorgeschlagen", "提案済み", "已提议"),
 "rejected": ("verworfen", "却下", "已拒绝"),
 "x %1, y %2: %3": ("x %1, y %2: %3", "x %1, y %2: %3", "x %1, y %2: %3"),
 "x %1, y %2: RGB %3 %4 %5": ("x %1, y %2: RGB %3 %4 %5", "x %1, y %2: RGB %3 %4 %5", "x %1, y %2: RGB %3 %4 %5"),
 # Model manager and downloads
 "%1 of %2": ("%1 von %2", "%1 / %2", "%1 / %2"),
 "%1: %2 (%3 bytes kept; start again to resume)": ("%1: %2 (%3 Bytes behalten; erneut starten zum Fortsetzen)",
    "%1: %2 (%3 バイトを保持。再開するにはもう一度開始してください)", "%1: %2 (已保留 %3 字节；再次开始即可续传)"),
 "%1: HTTP status %2": ("%1: HTTP-Status %2", "%1: HTTP ステータス %2", "%1: HTTP 状态 %2"),
 "%1: the connection ended after %2 of %3 bytes; start again to resume": (
    "%1: Die Verbindung endete nach %2 von %3 Bytes; erneut starten zum Fortsetzen",
    "%1: %3 バイト中 %2 バイトで接続が切れました。再開するにはもう一度開始してください",
    "%1: 连接在 %2 / %3 字节处中断；再次开始即可续传"),
 "&Models...": ("&Modelle...", "モデル(&M)...", "模型(&M)..."),
 "'%1' has %2 bytes, %3 expected; the partial file was removed": (
    "'%1' hat %2 Bytes, erwartet %3; die Teildatei wurde gelöscht",
    "'%1' は %2 バイトですが %3 バイトのはずです。部分ファイルを削除しました",
    "'%1' 为 %2 字节，应为 %3 字节；已删除部分文件"),
 "Add Local Checkpoint...": ("Lokalen Checkpoint hinzufügen...", "ローカルのチェックポイントを追加...", "添加本地检查点..."),
 "Cancel Download": ("Download abbrechen", "ダウンロードを中止", "取消下载"),
 "Checkpoints are kept in %1.": ("Checkpoints liegen in %1.", "チェックポイントは %1 に保存されます。", "检查点保存在 %1。"),
 "Close": ("Schließen", "閉じる", "关闭"),
 "Ctrl+Shift+M": ("Ctrl+Shift+M", "Ctrl+Shift+M", "Ctrl+Shift+M"),
 "Download": ("Herunterladen", "ダウンロード", "下载"),
 "Download stopped: %1": ("Download angehalten: %1", "ダウンロードが止まりました: %1", "下载已停止: %1"),
 "Downloaded and verified: %1": ("Heruntergeladen und geprüft: %1", "ダウンロードして検証しました: %1", "已下载并校验: %1"),
 "Downloading %1 ...": ("Lade %1 herunter ...", "%1 をダウンロード中 ...", "正在下载 %1 ..."),
 "Models": ("Modelle", "モデル", "模型"),
 "No published checksum: %1": ("Keine veröffentlichte Prüfsumme: %1", "公開されたチェックサムなし: %1", "无公开校验和: %1"),
 "Open Page": ("Seite öffnen", "ページを開く", "打开页面"),
 "Resume": ("Fortsetzen", "再開", "继续"),
 "SHA-256 %1": ("SHA-256 %1", "SHA-256 %1", "SHA-256 %1"),
 "Size": ("Größe", "サイズ", "大小"),
 "State": ("Zustand", "状態", "状态"),
 "Use": ("Verwenden", "使う", "使用"),
 "cancelled; %1 of %2 bytes kept for resuming": ("abgebrochen; %1 von %2 Bytes zum Fortsetzen behalten",
    "中止しました。再開用に %2 バイト中 %1 バイトを保持しています", "已取消；保留 %1 / %2 字节以便续传"),
 "cannot rename '%1' to '%2'": ("'%1' kann nicht in '%2' umbenannt werden", "'%1' を '%2' に名前変更できません", "无法将 '%1' 重命名为 '%2'"),
 "cannot write '%1': %2": ("'%1' kann nicht geschrieben werden: %2", "'%1' に書き込めません: %2", "无法写入 '%1': %2"),
 "checksum mismatch for '%1': SHA-256 %2, expected %3; the file was removed": (
    "Prüfsumme von '%1' stimmt nicht: SHA-256 %2, erwartet %3; die Datei wurde gelöscht",
    "'%1' のチェックサムが一致しません: SHA-256 %2、期待値 %3。ファイルを削除しました",
    "'%1' 校验和不匹配: SHA-256 %2，应为 %3；已删除文件"),
 "downloaded": ("heruntergeladen", "ダウンロード済み", "已下载"),
 "in use": ("in Verwendung", "使用中", "使用中"),
 "not downloaded": ("nicht heruntergeladen", "未ダウンロード", "未下载"),
 "partial (%1)": ("teilweise (%1)", "途中まで (%1)", "部分 (%1)"),
 "unknown": ("unbekannt", "不明", "未知"),
 # Slice ranges, folder listing
 "Ctrl+Shift+R": ("Ctrl+Shift+R", "Ctrl+Shift+R", "Ctrl+Shift+R"),
 "From slice:": ("Von Schicht:", "開始スライス:", "起始切片:"),
 "Listing %1 ...": ("Liste %1 auf ...", "%1 を一覧中 ...", "正在列出 %1 ..."),
 "Propose &Slices...": ("&Schichten vorschlagen...", "スライスを提案(&S)...", "提议切片(&S)..."),
 "Propose Slices": ("Schichten vorschlagen", "スライスを提案", "提议切片"),
 "Proposing slice %1 (%2 left) ...": ("Schlage Schicht %1 vor (%2 übrig) ...", "スライス %1 を提案中 (残り %2) ...", "正在提议切片 %1 (剩余 %2) ..."),
 "To slice:": ("Bis Schicht:", "終了スライス:", "结束切片:"),
}
# Plural messages (numerus="yes"): one form for ja / zh_CN, two for de.
PLURALS = {
 "Proposed %n slice(s); review them with the slider.": (
    ["%n Schicht vorgeschlagen; prüfen Sie sie mit dem Schieberegler.", "%n Schichten vorgeschlagen; prüfen Sie sie mit dem Schieberegler."],
    ["%n 枚のスライスを提案しました。スライダーで確認してください。"],
    ["已提议 %n 个切片；请用滑块逐一检查。"]),
 "%n point(s)": (["%n Punkt", "%n Punkte"], ["%n 点"], ["%n 个点"]),
}
COL = {"de": 0, "ja": 1, "zh_CN": 2}

def main():
    root = Path(__file__).resolve().parents[1]
    missing = set()
    for lang, col in COL.items():
        path = root / f"samsp_{lang}.ts"
        tree = ET.parse(path)
        for msg in tree.iter("message"):
            src = msg.findtext("source")
            tr = msg.find("translation")
            if msg.get("numerus") == "yes" and src in PLURALS:
                for child in list(tr):
                    tr.remove(child)
                tr.text = None
                for form in PLURALS[src][col]:
                    ET.SubElement(tr, "numerusform").text = form
                tr.attrib.pop("type", None)
            elif src in T:
                tr.text = T[src][col]
                tr.attrib.pop("type", None)
            else:
                missing.add(src)
        tree.write(path, encoding="utf-8", xml_declaration=True)
        text = path.read_text(encoding="utf-8").replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>')
        path.write_text(text + ("" if text.endswith("\n") else "\n"), encoding="utf-8")
    for m in sorted(missing):
        print("untranslated:", m)
    return 1 if missing else 0

if __name__ == "__main__":
    sys.exit(main())
