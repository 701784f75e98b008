// Pan: dragging moves the view; no edits.
#include "tool.h"

#include <QCoreApplication>

namespace samsp::ui {
namespace {
class PanTool : public Tool
{
public:
    QString id() const override { return QStringLiteral("toolPan"); }
    QString text() const override { return QCoreApplication::translate("Tools", "Pan"); }
    QKeySequence defaultShortcut() const override { return QKeySequence(Qt::Key_H); }
    ImageCanvas::Tool gesture() const override { return ImageCanvas::Tool::Pan; }
};
} // namespace

std::unique_ptr<Tool> makePanTool() { return std::make_unique<PanTool>(); }

} // namespace samsp::ui
