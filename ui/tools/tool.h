#pragma once
// Tools: one class per tool, acting on the active annotation document. The canvas
// turns mouse input into gestures (a click, a drag box, a stroke, a polygon) in
// image pixels; the main window hands each gesture to the tool whose action is
// checked. A new tool is one file (a class derived from Tool and its make...()
// function) plus one line in registry.cpp; it appears in the Tools menu and the
// tool bar with its shortcut (editable in Settings).

#include "image_canvas.h"

#include <QKeySequence>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace samsp::ui {

class AnnotationDocument;

// What a tool acts on.
struct ToolContext
{
    AnnotationDocument* document = nullptr; // the active document (never null when a tool is called)
    int label = 1;                          // the current label
    int brushRadius = 6;
    std::function<void()> refine;           // ask the model to refine from the document's prompts
};

class Tool
{
public:
    virtual ~Tool() = default;
    virtual QString id() const = 0;                  // the action's object name, e.g. "toolBrush"
    virtual QString text() const = 0;                // menu text, translated
    virtual QKeySequence defaultShortcut() const = 0;
    virtual ImageCanvas::Tool gesture() const = 0;   // the mouse gestures it needs from the canvas

    virtual void pointClicked(ToolContext&, const QPointF&, int /*label: 1 positive, 0 negative*/) {}
    virtual void boxDrawn(ToolContext&, const QRectF&) {}
    virtual void strokeStarted(ToolContext&) {}
    virtual void strokeSegment(ToolContext&, const QPointF&, const QPointF&) {}
    virtual void strokeFinished(ToolContext&) {}
    virtual void polygonFinished(ToolContext&, const QPolygonF&) {}
};

// Every tool, in menu order (registry.cpp).
std::vector<std::unique_ptr<Tool>> createTools();

} // namespace samsp::ui
