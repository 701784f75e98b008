#include "qt_convert.h"

#include "pipeline/format_registry.h"

#include <QCoreApplication>

#include <cstring>
#include <map>

namespace samsp::ui {

QImage rgbToQImage(const cv::Mat& rgb)
{
    CV_Assert(rgb.type() == CV_8UC3);
    QImage view(rgb.data, rgb.cols, rgb.rows, static_cast<qsizetype>(rgb.step), QImage::Format_RGB888);
    return view.copy();
}

QString formatDisplayName(const pipeline::OutputFormat& f)
{
    static const std::map<std::string, const char*> names{
        {"png", QT_TRANSLATE_NOOP("Formats", "Binary mask PNG")},
        {"labelmap", QT_TRANSLATE_NOOP("Formats", "Label map PNG (one value per class)")},
        {"coco", QT_TRANSLATE_NOOP("Formats", "COCO instances JSON")},
        {"yolo", QT_TRANSLATE_NOOP("Formats", "YOLO segmentation")},
        {"voc", QT_TRANSLATE_NOOP("Formats", "Pascal VOC")},
        {"labelme", QT_TRANSLATE_NOOP("Formats", "LabelMe JSON (polygons)")},
        {"dicom-seg", QT_TRANSLATE_NOOP("Formats", "DICOM SEG (per series)")},
        {"nifti", QT_TRANSLATE_NOOP("Formats", "NIfTI label volume (per series)")}};
    const auto it = names.find(f.id);
    return it == names.end() ? QString::fromStdString(f.name) : QCoreApplication::translate("Formats", it->second);
}

QImage maskToQImage(const cv::Mat& m)
{
    if (m.empty()) return {};
    QImage q(m.cols, m.rows, QImage::Format_Grayscale8);
    for (int y = 0; y < m.rows; ++y) std::memcpy(q.scanLine(y), m.ptr<uint8_t>(y), static_cast<size_t>(m.cols));
    return q;
}

cv::Mat qimageToMask(const QImage& q)
{
    if (q.isNull()) return {};
    const QImage g = q.convertToFormat(QImage::Format_Grayscale8);
    cv::Mat m(g.height(), g.width(), CV_8UC1);
    for (int y = 0; y < g.height(); ++y) std::memcpy(m.ptr<uint8_t>(y), g.constScanLine(y), static_cast<size_t>(g.width()));
    return m;
}

} // namespace samsp::ui
