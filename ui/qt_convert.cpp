#include "qt_convert.h"

namespace samsp::ui {

QImage rgbToQImage(const cv::Mat& rgb)
{
    CV_Assert(rgb.type() == CV_8UC3);
    QImage view(rgb.data, rgb.cols, rgb.rows, static_cast<qsizetype>(rgb.step), QImage::Format_RGB888);
    return view.copy();
}

} // namespace samsp::ui
