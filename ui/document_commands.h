#pragma once
// The undoable changes of an AnnotationDocument, one QUndoCommand each. A new
// undoable action is one class here plus the document method that pushes it.
//
//  - MaskPatchCommand: a mask edit stored as the XOR of before and after inside
//    the changed bounding box only (run-length encoded); undo and redo apply the
//    same XOR, so both restore exact masks. Brush strokes share an id() and a
//    stroke serial: their segments merge (mergeWith) into one step.
//  - InstanceCommand: add or delete an instance (the deleted one, mask and all,
//    comes back at its place on undo).
//  - LabelCommand: an instance's label.
//  - StateCommand: accept / reject (the project item's review state).
//  - ReplaceFrameCommand: the frame's instances and state before and after
//    (propose again, use this pass).
//  - PromptsCommand: the points and box on screen before and after a refinement, so
//    that undoing a click's mask also takes the click away (its decode is gone too).

#include "annotation/annotation.h"
#include "annotation_document.h"
#include "pipeline/project.h"

#include <QUndoCommand>

#include <opencv2/core.hpp>

#include <vector>

namespace samsp::ui {

class AnnotationDocument;

class MaskPatchCommand : public QUndoCommand
{
public:
    static constexpr int StrokeId = 0x5301;
    // `patch`: CV_8UC1 (non-zero = flip) of `rect`'s size; `strokeSerial` > 0 merges the
    // segments of one stroke.
    MaskPatchCommand(AnnotationDocument* doc, int frame, int instanceId, const cv::Rect& rect, const cv::Mat& patch,
                     int strokeSerial, const QString& text);
    void redo() override;
    void undo() override;
    int id() const override { return m_serial > 0 ? StrokeId : -1; }
    bool mergeWith(const QUndoCommand* other) override;
    const cv::Rect& rect() const { return m_rect; }

private:
    void apply();
    AnnotationDocument* m_doc;
    int m_frame, m_instance;
    cv::Rect m_rect;
    annotation::Rle m_patch; // the XOR inside m_rect
    int m_serial;
    annotation::Source m_before = annotation::Source::Automatic;
    bool m_first = true;
};

class InstanceCommand : public QUndoCommand
{
public:
    InstanceCommand(AnnotationDocument* doc, int frame, int index, annotation::Instance instance, bool add, const QString& text);
    void redo() override { m_add ? insert() : erase(); }
    void undo() override { m_add ? erase() : insert(); }

private:
    void insert();
    void erase();
    AnnotationDocument* m_doc;
    int m_frame, m_index;
    annotation::Instance m_instance; // with its mask as RLE
    bool m_add;
};

class LabelCommand : public QUndoCommand
{
public:
    LabelCommand(AnnotationDocument* doc, int frame, int instanceId, int before, int after, const QString& text);
    void redo() override { set(m_after); }
    void undo() override { set(m_before); }

private:
    void set(int label);
    AnnotationDocument* m_doc;
    int m_frame, m_instance, m_before, m_after;
};

class StateCommand : public QUndoCommand
{
public:
    StateCommand(AnnotationDocument* doc, pipeline::Project* project, int frame, pipeline::ItemState before,
                 pipeline::ItemState after, const QString& text);
    void redo() override { set(m_after); }
    void undo() override { set(m_before); }

private:
    void set(pipeline::ItemState s);
    AnnotationDocument* m_doc;
    pipeline::Project* m_project;
    int m_frame;
    pipeline::ItemState m_before, m_after;
};

struct FrameSnapshot
{
    std::vector<annotation::Instance> instances; // masks as RLE
    int active = -1;
    pipeline::ItemState state = pipeline::ItemState::New;
};

class ReplaceFrameCommand : public QUndoCommand
{
public:
    ReplaceFrameCommand(AnnotationDocument* doc, pipeline::Project* project, int frame, FrameSnapshot before, FrameSnapshot after,
                        const QString& text);
    void redo() override { set(m_after); }
    void undo() override { set(m_before); }

private:
    void set(const FrameSnapshot& s);
    AnnotationDocument* m_doc;
    pipeline::Project* m_project;
    int m_frame;
    FrameSnapshot m_before, m_after;
};

class PromptsCommand : public QUndoCommand
{
public:
    // `instanceId`: the instance the prompts refine; they come back only while it is active.
    PromptsCommand(AnnotationDocument* doc, int frame, int instanceId, Prompts before, Prompts after, const QString& text);
    void redo() override;
    void undo() override;

private:
    AnnotationDocument* m_doc;
    int m_frame, m_instance;
    Prompts m_before, m_after;
    bool m_first = true;
};

} // namespace samsp::ui
