// Brush and eraser: paint or erase the active instance's mask; a whole stroke is
// one undo step (its segments merge on the document's stack).
#include "tool.h"

#include "annotation_document.h"

#include <QCoreApplication>

namespace samsp::ui {
namespace {
class BrushTool : public Tool
{
public:
    explicit BrushTool(bool erase) : m_erase(erase) {}
    QString id() const override { return m_erase ? QStringLiteral("toolEraser") : QStringLiteral("toolBrush"); }
    QString text() const override
    {
        return m_erase ? QCoreApplication::translate("Tools", "Eraser") : QCoreApplication::translate("Tools", "Brush");
    }
    QKeySequence defaultShortcut() const override { return QKeySequence(m_erase ? Qt::Key_E : Qt::Key_D); }
    ImageCanvas::Tool gesture() const override { return m_erase ? ImageCanvas::Tool::Eraser : ImageCanvas::Tool::Brush; }
    void strokeStarted(ToolContext& c) override
    {
        c.document->beginStroke(m_erase ? QCoreApplication::translate("Tools", "Eraser stroke")
                                        : QCoreApplication::translate("Tools", "Brush stroke"),
                                c.label);
    }
    void strokeSegment(ToolContext& c, const QPointF& a, const QPointF& b) override
    {
        c.document->strokeSegment(cv::Point(qRound(a.x()), qRound(a.y())), cv::Point(qRound(b.x()), qRound(b.y())), c.brushRadius,
                                  m_erase);
    }
    void strokeFinished(ToolContext& c) override { c.document->endStroke(); }

private:
    bool m_erase;
};
} // namespace

std::unique_ptr<Tool> makeBrushTool() { return std::make_unique<BrushTool>(false); }
std::unique_ptr<Tool> makeEraserTool() { return std::make_unique<BrushTool>(true); }

} // namespace samsp::ui
