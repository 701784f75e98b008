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
}
# Plural messages (numerus="yes"): one form for ja / zh_CN, two for de.
PLURALS = {
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
