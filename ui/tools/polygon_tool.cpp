// Polygon: click vertices, double-click or Enter closes it; its inside is added to
// the active instance's mask (one undo step).
#include "tool.h"

#include "annotation_document.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

namespace samsp::ui {
namespace {
class PolygonTool : public Tool
{
public:
    QString id() const override { return QStringLiteral("toolPolygon"); }
    QString text() const override { return QCoreApplication::translate("Tools", "Polygon"); }
    QKeySequence defaultShortcut() const override { return QKeySequence(Qt::Key_G); }
    ImageCanvas::Tool gesture() const override { return ImageCanvas::Tool::Polygon; }
    void polygonFinished(ToolContext& c, const QPolygonF& poly) override
    {
        const QSize size = c.document->frameSize();
        if (size.isEmpty()) return;
        cv::Mat m = c.document->hasMask() ? c.document->activeMask().clone() : cv::Mat::zeros(size.height(), size.width(), CV_8UC1);
        std::vector<cv::Point> pts;
        for (const auto& p : poly) pts.emplace_back(qRound(p.x()), qRound(p.y()));
        cv::fillPoly(m, std::vector<std::vector<cv::Point>>{pts}, cv::Scalar(255));
        c.document->setMask(m, QCoreApplication::translate("Tools", "Polygon"), c.label);
    }
};
} // namespace

std::unique_ptr<Tool> makePolygonTool() { return std::make_unique<PolygonTool>(); }

} // namespace samsp::ui
