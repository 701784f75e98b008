#pragma once
// One open image or volume in the studio (in the spirit of Tiled's MapDocument):
// its pixels (an imaging::Document: the only way pixels reach the model, with
// the embedding key that names them), the instances of each frame, the prompts
// and proposal of the frame on screen, the items' review state, and its own
// undo stack. No widgets: the main window shows the active document and the
// tools act on it. Every change a person makes is a command on the document's
// stack (mask edits as bounding-box XOR patches, brush strokes merged into one
// step, add / delete instance, label, accept / reject, propose again, use this
// pass), so undo survives switching image, slice or instance and coming back.
// The project item is written from the document (commit); the project file is
// written elsewhere (ProjectSaver), never from here.

#include "inference_worker.h"

#include "annotation/annotation.h"
#include "imaging/document.h"
#include "pipeline/project.h"

#include <QImage>
#include <QObject>
#include <QPointF>
#include <QRect>
#include <QRectF>
#include <QUndoStack>
#include <QVector>

#include <opencv2/core.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace samsp::ui {

// The prompts a person placed on the frame on screen.
struct Prompts
{
    QVector<QPointF> points;
    QVector<int> labels; // 1 positive, 0 negative
    std::optional<QRectF> box;
    // What the clicks correct, fixed at the first click: SAM-SP's pass `startPass` when
    // its own output is on screen, else the mask on screen (`startMask`, edited by hand or
    // read from a file; null when there is none: clicks from nothing).
    bool startDecided = false;
    int startPass = -1;
    QImage startMask;
    bool empty() const { return points.isEmpty() && !box; }
};

class AnnotationDocument : public QObject
{
    Q_OBJECT
public:
    // `keys[k]`: frame k's project item key. `project` must outlive the document.
    AnnotationDocument(QString title, std::vector<std::string> keys, bool volume, pipeline::Project* project,
                       QObject* parent = nullptr);
    ~AnnotationDocument() override;

    const QString& title() const { return m_title; }
    bool isVolume() const { return m_volume; }
    int frameCount() const { return static_cast<int>(m_frames.size()); }
    const std::string& key(int frame) const;
    const std::string& currentKey() const { return key(m_frame); }

    // Pixels: attached while the document is on screen, released (with the decoded
    // masks) when the user moves to another one; the annotation and the history stay.
    void attachPixels(std::shared_ptr<imaging::Document> pixels);
    void releasePixels();
    imaging::Document* pixels() const { return m_pixels.get(); }
    std::shared_ptr<const imaging::Document> sharedPixels() const { return m_pixels; }
    QSize frameSize() const;
    // What the model sees of the frame on screen (the pixels' own window: the model's
    // window, not the display window) and the name of that content for the embedding cache.
    QImage modelInput() const;
    QString embeddingKey() const;

    // The frame on screen; the first visit of a frame reads its saved annotation.
    int frame() const { return m_frame; }
    void setFrame(int k);

    // The frame on screen's instances; masks CV_8UC1, 0/255, frame size.
    int instanceCount() const;
    const annotation::Instance& instance(int k) const;
    const cv::Mat& mask(int k) const;
    int active() const;
    void setActive(int k); // a view choice, not an edit: no undo step
    const cv::Mat& activeMask() const;
    bool hasMask() const { return !activeMask().empty(); }
    // The active instance was changed by a person (not SAM-SP's automatic result).
    bool activeEdited() const;

    // ---- edits: each is one undoable step named `text` ----
    // Replaces the active instance's mask (an instance of `labelId` is created when
    // there is none; -1: the label used last).
    void setMask(const cv::Mat& next, const QString& text, int labelId = -1);
    // Brush / eraser: each segment paints at once; the whole stroke is one step.
    void beginStroke(const QString& text, int labelId = -1);
    void strokeSegment(const cv::Point& a, const cv::Point& b, int radius, bool erase);
    void endStroke();
    // A new, empty manual instance of `labelId` becomes the active one.
    void addInstance(int labelId);
    void deleteInstance(int k);
    void setLabel(int k, int labelId);
    // Accept / reject (or back to proposed) the frame on screen.
    void setState(pipeline::ItemState s);
    pipeline::ItemState state(int frame = -1) const;
    // Drops frame `k`'s (default: the one on screen) instances, to be proposed again,
    // and marks it new.
    void proposeAgain(int k = -1);
    // Pass `pass` of the proposal becomes the active instance's mask.
    void usePass(int pass);
    // Segmentations made elsewhere (`perFrame[k]` for frame k, e.g. a DICOM SEG laid on
    // the series): added to each frame's instances (SAM-SP's untouched proposals give
    // way), the frames' states set, all as one undo step. Returns the frames changed.
    int importFrames(const std::vector<annotation::ImageAnnotation>& perFrame, const QString& text);
    // Propagated masks (frame -> mask): each frame nobody has reviewed or edited gets the
    // mask as its proposal (state proposed, for review); one undo step. Returns the
    // frames changed; `skipped` those left alone.
    int setPropagated(const std::map<int, cv::Mat>& masks, int labelId, const std::string& traceId, const QString& text,
                      int* skipped = nullptr);

    // ---- not undoable ----
    // SAM-SP's proposal for the frame on screen; it becomes the frame's instance only
    // when nobody has touched the frame (a person's work is never replaced). True then.
    bool takeProposal(const Proposal& p, int labelId, const std::string& traceId);
    const Proposal& proposal() const { return m_proposal; }
    int usedPass() const { return m_usedPass; }
    Prompts& prompts() { return m_prompts; }
    const Prompts& prompts() const { return m_prompts; }
    void clearPrompts();
    // The model's answer to the prompts on screen becomes the active instance's mask, in
    // one undo step with the prompts placed since the last answer: undoing it takes the
    // mask and those clicks back. Nothing happens (the clicks stay) when the mask is the same.
    void setRefinedMask(const cv::Mat& next, const QString& text, int labelId);

    // Writes frame `k`'s (default: the one on screen) instances into its project item;
    // a new item with a mask becomes "proposed". True when the item changed.
    bool commit(int k = -1);
    // Commits every frame changed since the last commitAll (undo can change frames that
    // are not on screen). True when an item changed.
    bool commitAll();
    // The project's item `key` changed behind the document (a new model's round): the
    // frame is read again from the project on its next use.
    void reload(const std::string& key);
    QUndoStack* undoStack() { return &m_undo; }

    // Used by the commands (document_commands.cpp).
    struct Frame;
    Frame& frameData(int k);
    void showFrameFor(int k); // an undo on another frame: that frame is shown first
    void notifyMask(int k, const QRect& region);
    // The prompts of instance `instanceId` of frame k: set only while that frame is on
    // screen and that instance is active (the prompts on screen belong to them then).
    void restorePrompts(int k, int instanceId, const Prompts& p);
    void notifyInstances(int k);
    void notifyState(int k);

Q_SIGNALS:
    // `region`: the changed pixels of the frame on screen (empty: all of it).
    void maskChanged(const QRect& region);
    void instancesChanged();
    void stateChanged(int frame);
    // An undo or redo acts on a frame that is not on screen: show it.
    void frameRequested(int frame);
    // The annotation changed: there is something to save.
    void modified();

private:
    void ensureActive(int labelId);
    void pushMaskEdit(const cv::Mat& next, const QString& text, int labelId, bool withPrompts);
    void load(int k);

    QString m_title;
    bool m_volume = false;
    pipeline::Project* m_project = nullptr;
    std::shared_ptr<imaging::Document> m_pixels;
    std::vector<std::unique_ptr<Frame>> m_frames;
    int m_frame = 0;
    Prompts m_prompts;
    Prompts m_promptsAnswered; // the prompts of the last refinement in the undo history
    Proposal m_proposal;
    int m_usedPass = -1;
    QUndoStack m_undo;
    // The stroke in progress: its serial (merged commands share it) and name.
    int m_strokeSerial = 0;
    bool m_stroking = false;
    QString m_strokeText;
    int m_lastLabel = 1;
    bool m_quiet = false;            // a bulk change: frames are not shown one by one
    std::vector<int> m_changedFrames; // since the last commitAll
};

// One frame's annotation inside a document: instances with their masks decoded
// while the document is on screen (RLE otherwise).
struct AnnotationDocument::Frame
{
    std::string key;
    bool loaded = false;
    std::vector<annotation::Instance> instances; // mask RLE valid when `masks` is empty
    std::vector<cv::Mat> masks;
    int active = -1;
    void decode();
    void encode(); // masks -> RLE, then released
    cv::Mat& maskOf(size_t i);
};

} // namespace samsp::ui
