// Points: a left click adds a positive point, a right click a negative one; the
// model refines the active instance from them.
#include "tool.h"

#include "annotation_document.h"

#include <QCoreApplication>

namespace samsp::ui {
namespace {
class PointsTool : public Tool
{
public:
    QString id() const override { return QStringLiteral("toolPoints"); }
    QString text() const override { return QCoreApplication::translate("Tools", "Points (left: add, right: remove)"); }
    QKeySequence defaultShortcut() const override { return QKeySequence(Qt::Key_T); }
    ImageCanvas::Tool gesture() const override { return ImageCanvas::Tool::Points; }
    void pointClicked(ToolContext& c, const QPointF& p, int label) override
    {
        c.document->prompts().points.push_back(p);
        c.document->prompts().labels.push_back(label);
        if (c.refine) c.refine();
    }
};
} // namespace

std::unique_ptr<Tool> makePointsTool() { return std::make_unique<PointsTool>(); }

} // namespace samsp::ui
