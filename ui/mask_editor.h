#pragma once
// The mask being edited for the current image, with undo: every change (a
// decoder refinement, a whole brush stroke, a polygon, fill holes...) is one
// QUndoCommand holding the run-length-encoded XOR of the mask before and after,
// not a copy of either; undo and redo apply the same XOR, so they restore the
// exact masks.

#include "annotation/mask.h"

#include <QObject>
#include <QString>
#include <QUndoCommand>
#include <QUndoStack>

#include <opencv2/core.hpp>

namespace samsp::ui {

class MaskEditor : public QObject
{
    Q_OBJECT
public:
    explicit MaskEditor(QObject* parent = nullptr);

    // A new image: `mask` (CV_8UC1, 0/255) becomes the state, the history is cleared.
    void reset(const cv::Mat& mask);
    const cv::Mat& mask() const { return m_mask; }
    bool isEmpty() const { return m_mask.empty(); }
    QUndoStack* undoStack() { return &m_stack; }
    bool edited() const { return m_edits > 0; } // changed by a person since reset()

    // Replaces the mask as one undoable step (no step when nothing changes).
    void apply(const cv::Mat& next, const QString& text);

    // Brush strokes: paint live on the mask; endStroke() makes the stroke one step.
    void beginStroke();
    void strokeSegment(const cv::Point& a, const cv::Point& b, int radius, bool erase);
    void endStroke(const QString& text);

    // Applies a stored XOR diff (used by the undo commands).
    void applyXor(const annotation::Rle& diff, int editDelta);

Q_SIGNALS:
    void maskChanged();

private:
    cv::Mat m_mask;
    cv::Mat m_strokeStart;
    QUndoStack m_stack;
    int m_edits = 0;
};

class MaskDiffCommand : public QUndoCommand
{
public:
    MaskDiffCommand(MaskEditor* editor, annotation::Rle diff, const QString& text);
    void undo() override;
    void redo() override;
    const annotation::Rle& diff() const { return m_diff; }

private:
    MaskEditor* m_editor;
    annotation::Rle m_diff;
};

} // namespace samsp::ui
