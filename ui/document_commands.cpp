#include "document_commands.h"

#include "annotation_document.h"

#include "annotation/mask.h"

#include <QRect>

namespace samsp::ui {

namespace {
QRect toQRect(const cv::Rect& r) { return QRect(r.x, r.y, r.width, r.height); }
} // namespace

// ---- MaskPatchCommand ----------------------------------------------------------

MaskPatchCommand::MaskPatchCommand(AnnotationDocument* doc, int frame, int instanceId, const cv::Rect& rect, const cv::Mat& patch,
                                   int strokeSerial, const QString& text)
    : m_doc(doc), m_frame(frame), m_instance(instanceId), m_rect(rect), m_patch(annotation::rleEncode(cv::Mat(patch != 0))),
      m_serial(strokeSerial)
{
    setText(text);
}

void MaskPatchCommand::apply()
{
    m_doc->showFrameFor(m_frame);
    auto& f = m_doc->frameData(m_frame);
    for (size_t i = 0; i < f.instances.size(); ++i) {
        if (f.instances[i].id != m_instance) continue;
        cv::Mat& m = f.maskOf(i);
        if (m.empty()) return;
        const cv::Rect r = m_rect & cv::Rect(0, 0, m.cols, m.rows);
        if (r != m_rect) return; // not this mask's size: nothing sensible to do
        cv::Mat roi = m(m_rect);
        cv::bitwise_xor(roi, annotation::rleDecodeMat(m_patch, 255), roi);
        m_doc->notifyMask(m_frame, toQRect(m_rect));
        return;
    }
}

void MaskPatchCommand::redo()
{
    auto& f = m_doc->frameData(m_frame);
    bool changed = false;
    for (auto& in : f.instances)
        if (in.id == m_instance) {
            if (m_first) m_before = in.source, m_first = false;
            // A person changed SAM-SP's result: it is theirs now.
            if (in.source == annotation::Source::Automatic) in.source = annotation::Source::Edited, changed = true;
        }
    apply();
    if (changed) m_doc->notifyInstances(m_frame);
}

void MaskPatchCommand::undo()
{
    auto& f = m_doc->frameData(m_frame);
    bool changed = false;
    for (auto& in : f.instances)
        if (in.id == m_instance && in.source != m_before) in.source = m_before, changed = true;
    apply();
    if (changed) m_doc->notifyInstances(m_frame);
}

bool MaskPatchCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const MaskPatchCommand*>(other);
    if (!o || o->m_serial != m_serial || m_serial <= 0 || o->m_frame != m_frame || o->m_instance != m_instance) return false;
    // Both patches in their union: flipping twice is no flip.
    const cv::Rect u = m_rect | o->m_rect;
    cv::Mat x = cv::Mat::zeros(u.size(), CV_8UC1);
    cv::Mat a = x(m_rect - u.tl()), b = x(o->m_rect - u.tl());
    cv::bitwise_xor(a, annotation::rleDecodeMat(m_patch, 255), a);
    cv::bitwise_xor(b, annotation::rleDecodeMat(o->m_patch, 255), b);
    m_rect = u;
    m_patch = annotation::rleEncode(x);
    return true;
}

// ---- InstanceCommand -----------------------------------------------------------

InstanceCommand::InstanceCommand(AnnotationDocument* doc, int frame, int index, annotation::Instance instance, bool add,
                                 const QString& text)
    : m_doc(doc), m_frame(frame), m_index(index), m_instance(std::move(instance)), m_add(add)
{
    setText(text);
}

void InstanceCommand::insert()
{
    m_doc->showFrameFor(m_frame);
    auto& f = m_doc->frameData(m_frame);
    f.decode();
    const size_t at = std::min(static_cast<size_t>(std::max(0, m_index)), f.instances.size());
    f.instances.insert(f.instances.begin() + static_cast<std::ptrdiff_t>(at), m_instance);
    f.masks.insert(f.masks.begin() + static_cast<std::ptrdiff_t>(at), annotation::rleDecodeMat(m_instance.mask, 255));
    f.active = static_cast<int>(at);
    m_doc->notifyInstances(m_frame);
    m_doc->notifyMask(m_frame, {});
}

void InstanceCommand::erase()
{
    m_doc->showFrameFor(m_frame);
    auto& f = m_doc->frameData(m_frame);
    f.decode();
    for (size_t i = 0; i < f.instances.size(); ++i) {
        if (f.instances[i].id != m_instance.id) continue;
        m_instance.mask = annotation::rleEncode(f.masks[i]); // as it is now: undo brings this back
        m_instance.source = f.instances[i].source;
        m_instance.labelId = f.instances[i].labelId;
        f.instances.erase(f.instances.begin() + static_cast<std::ptrdiff_t>(i));
        f.masks.erase(f.masks.begin() + static_cast<std::ptrdiff_t>(i));
        m_index = static_cast<int>(i);
        f.active = f.instances.empty() ? -1 : std::max(0, static_cast<int>(i) - 1);
        break;
    }
    m_doc->notifyInstances(m_frame);
    m_doc->notifyMask(m_frame, {});
}

// ---- LabelCommand --------------------------------------------------------------

LabelCommand::LabelCommand(AnnotationDocument* doc, int frame, int instanceId, int before, int after, const QString& text)
    : m_doc(doc), m_frame(frame), m_instance(instanceId), m_before(before), m_after(after)
{
    setText(text);
}

void LabelCommand::set(int label)
{
    m_doc->showFrameFor(m_frame);
    for (auto& in : m_doc->frameData(m_frame).instances)
        if (in.id == m_instance) in.labelId = label;
    m_doc->notifyInstances(m_frame);
    m_doc->notifyMask(m_frame, {});
}

// ---- StateCommand --------------------------------------------------------------

StateCommand::StateCommand(AnnotationDocument* doc, pipeline::Project* project, int frame, pipeline::ItemState before,
                           pipeline::ItemState after, const QString& text)
    : m_doc(doc), m_project(project), m_frame(frame), m_before(before), m_after(after)
{
    setText(text);
}

void StateCommand::set(pipeline::ItemState s)
{
    if (auto* item = m_project->find(m_doc->key(m_frame))) item->state = s;
    m_doc->notifyState(m_frame);
}

// ---- ReplaceFrameCommand -------------------------------------------------------

ReplaceFrameCommand::ReplaceFrameCommand(AnnotationDocument* doc, pipeline::Project* project, int frame, FrameSnapshot before,
                                         FrameSnapshot after, const QString& text)
    : m_doc(doc), m_project(project), m_frame(frame), m_before(std::move(before)), m_after(std::move(after))
{
    setText(text);
}

void ReplaceFrameCommand::set(const FrameSnapshot& s)
{
    m_doc->showFrameFor(m_frame);
    auto& f = m_doc->frameData(m_frame);
    f.instances = s.instances;
    f.masks.clear();
    f.decode();
    f.active = s.instances.empty() ? -1 : std::clamp(s.active, 0, static_cast<int>(s.instances.size()) - 1);
    if (auto* item = m_project->find(m_doc->key(m_frame))) {
        item->state = s.state;
        if (s.instances.empty()) item->annotation.instances.clear();
    }
    m_doc->notifyInstances(m_frame);
    m_doc->notifyMask(m_frame, {});
    m_doc->notifyState(m_frame);
}

PromptsCommand::PromptsCommand(AnnotationDocument* doc, int frame, int instanceId, Prompts before, Prompts after,
                               const QString& text)
    : QUndoCommand(text), m_doc(doc), m_frame(frame), m_instance(instanceId), m_before(std::move(before)), m_after(std::move(after))
{
}

void PromptsCommand::redo()
{
    if (m_first) { // pushed after the fact: the prompts are already these
        m_first = false;
        return;
    }
    m_doc->showFrameFor(m_frame);
    m_doc->restorePrompts(m_frame, m_instance, m_after);
}

void PromptsCommand::undo()
{
    m_doc->showFrameFor(m_frame);
    m_doc->restorePrompts(m_frame, m_instance, m_before);
}

} // namespace samsp::ui
