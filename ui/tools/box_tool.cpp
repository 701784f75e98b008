// Box: a dragged box prompt; the model segments what is inside it.
#include "tool.h"

#include "annotation_document.h"

#include <QCoreApplication>

namespace samsp::ui {
namespace {
class BoxTool : public Tool
{
public:
    QString id() const override { return QStringLiteral("toolBox"); }
    QString text() const override { return QCoreApplication::translate("Tools", "Box"); }
    QKeySequence defaultShortcut() const override { return QKeySequence(Qt::Key_B); }
    ImageCanvas::Tool gesture() const override { return ImageCanvas::Tool::Box; }
    void boxDrawn(ToolContext& c, const QRectF& r) override
    {
        c.document->prompts().box = r;
        if (c.refine) c.refine();
    }
};
} // namespace

std::unique_ptr<Tool> makeBoxTool() { return std::make_unique<BoxTool>(); }

} // namespace samsp::ui
