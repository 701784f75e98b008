#include "tool.h"

namespace samsp::ui {

std::unique_ptr<Tool> makePanTool();
std::unique_ptr<Tool> makePointsTool();
std::unique_ptr<Tool> makeBoxTool();
std::unique_ptr<Tool> makeBrushTool();
std::unique_ptr<Tool> makeEraserTool();
std::unique_ptr<Tool> makePolygonTool();

std::vector<std::unique_ptr<Tool>> createTools()
{
    std::vector<std::unique_ptr<Tool>> tools;
    tools.push_back(makePanTool());
    tools.push_back(makePointsTool());
    tools.push_back(makeBoxTool());
    tools.push_back(makeBrushTool());
    tools.push_back(makeEraserTool());
    tools.push_back(makePolygonTool());
    return tools;
}

} // namespace samsp::ui
