#include "annotation_document.h"

#include "pipeline/seg_import.h"

#include "document_commands.h"
#include "qt_convert.h"

#include "annotation/mask.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace samsp::ui {

// ---- Frame ---------------------------------------------------------------------

void AnnotationDocument::Frame::decode()
{
    if (masks.size() == instances.size()) return;
    masks.clear();
    for (const auto& in : instances) masks.push_back(annotation::rleDecodeMat(in.mask, 255));
}

void AnnotationDocument::Frame::encode()
{
    if (masks.size() != instances.size()) return;
    for (size_t i = 0; i < instances.size(); ++i) instances[i].mask = annotation::rleEncode(masks[i]);
    masks.clear();
}

cv::Mat& AnnotationDocument::Frame::maskOf(size_t i)
{
    decode();
    return masks.at(i);
}

// ---- AnnotationDocument ----------------------------------------------------------

AnnotationDocument::AnnotationDocument(QString title, std::vector<std::string> keys, bool volume, pipeline::Project* project,
                                       QObject* parent)
    : QObject(parent), m_title(std::move(title)), m_volume(volume), m_project(project)
{
    for (auto& k : keys) {
        auto f = std::make_unique<Frame>();
        f->key = std::move(k);
        m_frames.push_back(std::move(f));
    }
    if (m_frames.empty()) m_frames.push_back(std::make_unique<Frame>());
    m_undo.setUndoLimit(500);
}

AnnotationDocument::~AnnotationDocument() = default;

const std::string& AnnotationDocument::key(int frame) const { return m_frames.at(static_cast<size_t>(frame))->key; }

AnnotationDocument::Frame& AnnotationDocument::frameData(int k)
{
    auto& f = *m_frames.at(static_cast<size_t>(k));
    if (!f.loaded) load(k);
    return f;
}

void AnnotationDocument::attachPixels(std::shared_ptr<imaging::Document> pixels)
{
    m_pixels = std::move(pixels);
    if (m_pixels) m_pixels->maxViewSide = 0; // the studio shows and proposes at full size
}

void AnnotationDocument::releasePixels()
{
    commitAll();
    for (auto& f : m_frames) f->encode();
    m_pixels.reset();
    m_proposal = Proposal();
    m_prompts = m_promptsAnswered = Prompts();
}

QSize AnnotationDocument::frameSize() const
{
    if (m_pixels && m_frame < m_pixels->frameCount()) {
        const cv::Mat& p = m_pixels->pixels(m_frame);
        return QSize(p.cols, p.rows);
    }
    const auto& f = *m_frames[static_cast<size_t>(m_frame)];
    if (!f.masks.empty()) return QSize(f.masks.front().cols, f.masks.front().rows);
    if (!f.instances.empty()) return QSize(static_cast<int>(f.instances.front().mask.width), static_cast<int>(f.instances.front().mask.height));
    return {};
}

QImage AnnotationDocument::modelInput() const
{
    if (!m_pixels) return {};
    return rgbToQImage(m_pixels->modelView(m_frame).rgb);
}

QString AnnotationDocument::embeddingKey() const
{
    if (!m_pixels) return {};
    return QString::fromStdString(m_pixels->embeddingKey(m_frame, ""));
}

void AnnotationDocument::load(int k)
{
    auto& f = *m_frames.at(static_cast<size_t>(k));
    f.loaded = true;
    f.instances.clear();
    f.masks.clear();
    f.active = -1;
    const auto* item = m_project ? m_project->find(f.key) : nullptr;
    if (!item || item->state == pipeline::ItemState::New || item->annotation.instances.empty()) return;
    if (m_pixels && k < m_pixels->frameCount()) {
        const cv::Mat& p = m_pixels->pixels(k);
        if (item->annotation.width != p.cols || item->annotation.height != p.rows) return; // not this image's masks
    }
    f.instances = item->annotation.instances;
    f.active = 0;
}

void AnnotationDocument::setFrame(int k)
{
    k = std::clamp(k, 0, frameCount() - 1);
    if (k == m_frame && m_frames[static_cast<size_t>(k)]->loaded) return;
    if (k != m_frame) {
        if (commit(m_frame)) Q_EMIT modified();
        m_frames[static_cast<size_t>(m_frame)]->encode();
    }
    m_frame = k;
    frameData(k);
    m_prompts = m_promptsAnswered = Prompts();
    m_proposal = Proposal();
    m_usedPass = active() >= 0 ? instance(active()).pass : -1;
}

int AnnotationDocument::instanceCount() const { return static_cast<int>(m_frames[static_cast<size_t>(m_frame)]->instances.size()); }

const annotation::Instance& AnnotationDocument::instance(int k) const
{
    return m_frames[static_cast<size_t>(m_frame)]->instances.at(static_cast<size_t>(k));
}

const cv::Mat& AnnotationDocument::mask(int k) const
{
    auto& f = *m_frames[static_cast<size_t>(m_frame)];
    return f.maskOf(static_cast<size_t>(k));
}

int AnnotationDocument::active() const { return m_frames[static_cast<size_t>(m_frame)]->active; }

void AnnotationDocument::setActive(int k)
{
    auto& f = frameData(m_frame);
    if (k < 0 || k >= static_cast<int>(f.instances.size()) || k == f.active) return;
    f.active = k;
    m_prompts = m_promptsAnswered = Prompts();
    m_usedPass = f.instances[static_cast<size_t>(k)].pass;
    Q_EMIT instancesChanged();
    Q_EMIT maskChanged({});
}

const cv::Mat& AnnotationDocument::activeMask() const
{
    static const cv::Mat none;
    const int a = active();
    return a >= 0 ? mask(a) : none;
}

bool AnnotationDocument::activeEdited() const
{
    const int a = active();
    return a >= 0 && instance(a).source != annotation::Source::Automatic;
}

void AnnotationDocument::ensureActive(int labelId)
{
    if (active() >= 0 || frameSize().isEmpty()) return;
    addInstance(labelId);
}

void AnnotationDocument::addInstance(int labelId)
{
    const QSize size = frameSize();
    if (size.isEmpty()) return;
    auto& f = frameData(m_frame);
    annotation::Instance in;
    in.id = 1;
    for (const auto& x : f.instances) in.id = std::max(in.id, x.id + 1);
    in.labelId = labelId;
    in.source = annotation::Source::Manual;
    in.score = 1.0;
    in.mask = annotation::rleEncode(cv::Mat::zeros(size.height(), size.width(), CV_8UC1));
    m_lastLabel = labelId;
    m_prompts = m_promptsAnswered = Prompts();
    m_undo.push(new InstanceCommand(this, m_frame, static_cast<int>(f.instances.size()), std::move(in), true, tr("New instance")));
}

void AnnotationDocument::deleteInstance(int k)
{
    auto& f = frameData(m_frame);
    if (k < 0 || k >= static_cast<int>(f.instances.size())) return;
    m_prompts = m_promptsAnswered = Prompts();
    m_undo.push(new InstanceCommand(this, m_frame, k, f.instances[static_cast<size_t>(k)], false, tr("Delete instance")));
}

void AnnotationDocument::setLabel(int k, int labelId)
{
    m_lastLabel = labelId;
    auto& f = frameData(m_frame);
    if (k < 0 || k >= static_cast<int>(f.instances.size())) return;
    const auto& in = f.instances[static_cast<size_t>(k)];
    if (in.labelId == labelId) return;
    m_undo.push(new LabelCommand(this, m_frame, in.id, in.labelId, labelId, tr("Change label")));
}

void AnnotationDocument::setMask(const cv::Mat& next, const QString& text, int labelId)
{
    pushMaskEdit(next, text, labelId, false);
}

void AnnotationDocument::pushMaskEdit(const cv::Mat& next, const QString& text, int labelId, bool withPrompts)
{
    if (labelId > 0) m_lastLabel = labelId;
    ensureActive(m_lastLabel);
    const int a = active();
    if (a < 0) return;
    const cv::Mat& cur = mask(a);
    const cv::Mat n = next != 0;
    if (n.size() != cur.size()) return;
    cv::Mat x;
    cv::bitwise_xor(cur, n, x);
    const cv::Rect r = cv::boundingRect(x);
    if (r.area() == 0) return;
    if (!withPrompts) {
        m_undo.push(new MaskPatchCommand(this, m_frame, instance(a).id, r, x(r), 0, text));
        return;
    }
    m_undo.beginMacro(text);
    m_undo.push(new PromptsCommand(this, m_frame, instance(a).id, m_promptsAnswered, m_prompts, text));
    m_undo.push(new MaskPatchCommand(this, m_frame, instance(a).id, r, x(r), 0, text));
    m_undo.endMacro();
    m_promptsAnswered = m_prompts;
}

void AnnotationDocument::beginStroke(const QString& text, int labelId)
{
    if (labelId > 0) m_lastLabel = labelId;
    ensureActive(m_lastLabel);
    m_stroking = true;
    m_strokeText = text;
    ++m_strokeSerial;
}

void AnnotationDocument::strokeSegment(const cv::Point& a, const cv::Point& b, int radius, bool erase)
{
    const int i = active();
    if (!m_stroking || i < 0) return;
    const cv::Mat& cur = mask(i);
    if (cur.empty()) return;
    // Only the segment's bounding box is touched, copied and stored.
    const int pad = radius + 2;
    const cv::Rect r = cv::Rect(cv::Point(std::min(a.x, b.x) - pad, std::min(a.y, b.y) - pad),
                                cv::Point(std::max(a.x, b.x) + pad + 1, std::max(a.y, b.y) + pad + 1)) &
                       cv::Rect(0, 0, cur.cols, cur.rows);
    if (r.area() == 0) return;
    cv::Mat painted = cur(r).clone();
    const cv::Scalar v(erase ? 0 : 255);
    const cv::Point o = r.tl();
    cv::line(painted, a - o, b - o, v, std::max(1, 2 * radius), cv::LINE_8);
    cv::circle(painted, b - o, radius, v, cv::FILLED);
    cv::circle(painted, a - o, radius, v, cv::FILLED);
    cv::Mat x;
    cv::bitwise_xor(cur(r), painted, x);
    if (cv::countNonZero(x) == 0) return;
    m_undo.push(new MaskPatchCommand(this, m_frame, instance(i).id, r, x, m_strokeSerial, m_strokeText));
}

void AnnotationDocument::endStroke()
{
    m_stroking = false;
    ++m_strokeSerial; // the next stroke is a step of its own
}

pipeline::ItemState AnnotationDocument::state(int frame) const
{
    if (frame < 0) frame = m_frame;
    const auto* item = m_project ? m_project->find(key(frame)) : nullptr;
    return item ? item->state : pipeline::ItemState::New;
}

void AnnotationDocument::setState(pipeline::ItemState s)
{
    commit(m_frame);
    const auto before = state(m_frame);
    if (!m_project || !m_project->find(currentKey()) || before == s) return;
    const QString text = s == pipeline::ItemState::Accepted ? tr("Accept") : s == pipeline::ItemState::Rejected ? tr("Reject") : tr("Review");
    m_undo.push(new StateCommand(this, m_project, m_frame, before, s, text));
}

namespace {
FrameSnapshot snapshotOf(AnnotationDocument::Frame& f, pipeline::ItemState state)
{
    FrameSnapshot s;
    s.instances = f.instances;
    for (size_t i = 0; i < f.masks.size() && i < s.instances.size(); ++i) s.instances[i].mask = annotation::rleEncode(f.masks[i]);
    s.active = f.active;
    s.state = state;
    return s;
}
} // namespace

void AnnotationDocument::proposeAgain(int k)
{
    if (k < 0) k = m_frame;
    auto& f = frameData(k);
    FrameSnapshot before = snapshotOf(f, state(k));
    FrameSnapshot after;
    after.state = pipeline::ItemState::New;
    if (k == m_frame) {
        m_prompts = m_promptsAnswered = Prompts();
        m_proposal = Proposal();
        m_usedPass = -1;
    }
    m_quiet = true; // the first run of a command never moves the view
    m_undo.push(new ReplaceFrameCommand(this, m_project, k, std::move(before), std::move(after), tr("Propose again")));
    m_quiet = false;
}

void AnnotationDocument::usePass(int pass)
{
    if (pass < 0 || pass >= m_proposal.passes.size()) return;
    auto& f = frameData(m_frame);
    FrameSnapshot before = snapshotOf(f, state(m_frame));
    FrameSnapshot after = before;
    const cv::Mat m = qimageToMask(m_proposal.passes[pass].mask);
    if (after.active < 0) {
        annotation::Instance in;
        in.id = 1;
        for (const auto& x : after.instances) in.id = std::max(in.id, x.id + 1);
        in.labelId = m_lastLabel;
        after.instances.push_back(in);
        after.active = static_cast<int>(after.instances.size()) - 1;
    }
    auto& in = after.instances[static_cast<size_t>(after.active)];
    in.mask = annotation::rleEncode(cv::Mat(m != 0));
    in.pass = pass;
    in.score = m_proposal.passes[pass].predictedIou;
    if (in.source == annotation::Source::Automatic) in.source = annotation::Source::Edited; // a person chose it
    m_usedPass = pass;
    m_undo.push(new ReplaceFrameCommand(this, m_project, m_frame, std::move(before), std::move(after), tr("Use pass %1").arg(pass)));
}

int AnnotationDocument::importFrames(const std::vector<annotation::ImageAnnotation>& perFrame, const QString& text)
{
    int changed = 0;
    if (std::none_of(perFrame.begin(), perFrame.end(), [](const auto& a) { return !a.instances.empty(); })) return 0;
    m_quiet = true; // the frames are not shown one by one
    m_undo.beginMacro(text);
    for (int k = 0; k < frameCount() && k < static_cast<int>(perFrame.size()); ++k) {
        if (perFrame[static_cast<size_t>(k)].instances.empty()) continue;
        auto& f = frameData(k);
        FrameSnapshot before = snapshotOf(f, state(k));
        FrameSnapshot after;
        after.instances = pipeline::mergeImported(before.instances, perFrame[static_cast<size_t>(k)].instances);
        after.state = pipeline::importedState(after.instances);
        after.active = static_cast<int>(after.instances.size()) - 1;
        m_undo.push(new ReplaceFrameCommand(this, m_project, k, std::move(before), std::move(after), text));
        ++changed;
    }
    m_undo.endMacro();
    m_quiet = false;
    return changed;
}

int AnnotationDocument::setPropagated(const std::map<int, cv::Mat>& masks, int labelId, const std::string& traceId,
                                      const QString& text, int* skipped)
{
    int changed = 0, left = 0;
    std::vector<std::pair<int, FrameSnapshot>> todo;
    for (const auto& [k, mask] : masks) {
        if (k < 0 || k >= frameCount()) continue;
        commit(k);
        const auto* item = m_project ? m_project->find(key(k)) : nullptr;
        if (item && (item->state == pipeline::ItemState::Accepted || item->state == pipeline::ItemState::Rejected ||
                     pipeline::touchedByAPerson(*item))) {
            ++left; // a person's work is never proposed over
            continue;
        }
        FrameSnapshot after;
        annotation::Instance in;
        in.id = 1;
        in.labelId = labelId;
        in.mask = annotation::rleEncode(cv::Mat(mask != 0));
        in.source = annotation::Source::Automatic;
        in.traceId = traceId;
        after.instances.push_back(in);
        after.active = 0;
        after.state = pipeline::ItemState::Proposed;
        todo.emplace_back(k, std::move(after));
    }
    if (skipped) *skipped = left;
    if (todo.empty()) return 0;
    m_quiet = true;
    m_undo.beginMacro(text);
    for (auto& [k, after] : todo) {
        FrameSnapshot before = snapshotOf(frameData(k), state(k));
        m_undo.push(new ReplaceFrameCommand(this, m_project, k, std::move(before), std::move(after), text));
        ++changed;
    }
    m_undo.endMacro();
    m_quiet = false;
    return changed;
}

bool AnnotationDocument::takeProposal(const Proposal& p, int labelId, const std::string& traceId)
{
    m_proposal = p;
    auto& f = frameData(m_frame);
    bool touched = state(m_frame) != pipeline::ItemState::New;
    for (const auto& in : f.instances) touched = touched || in.source != annotation::Source::Automatic;
    if (touched) return false;
    f.instances.clear();
    f.masks.clear();
    f.active = -1;
    if (p.found) {
        const cv::Mat mask = qimageToMask(p.passes[p.finalPass].mask);
        annotation::Instance in;
        in.id = 1;
        in.labelId = labelId;
        in.source = annotation::Source::Automatic;
        in.score = p.passes[p.finalPass].predictedIou;
        in.traceId = traceId;
        in.pass = p.finalPass;
        in.mask = annotation::rleEncode(mask);
        f.instances.push_back(in);
        f.masks.push_back(cv::Mat(mask != 0));
        f.active = 0;
    }
    m_usedPass = p.finalPass;
    // Proposed now, with or without an object: it is not proposed again unasked.
    if (auto* item = m_project ? m_project->find(f.key) : nullptr) item->state = pipeline::ItemState::Proposed;
    commit(m_frame);
    Q_EMIT instancesChanged();
    Q_EMIT maskChanged({});
    Q_EMIT stateChanged(m_frame);
    Q_EMIT modified();
    return true;
}

void AnnotationDocument::clearPrompts() { m_prompts = m_promptsAnswered = Prompts(); }

void AnnotationDocument::restorePrompts(int k, int instanceId, const Prompts& p)
{
    if (k != m_frame || active() < 0 || instance(active()).id != instanceId) return;
    m_prompts = m_promptsAnswered = p;
    Q_EMIT maskChanged({}); // the overlay draws the prompts
}

void AnnotationDocument::setRefinedMask(const cv::Mat& next, const QString& text, int labelId)
{
    pushMaskEdit(next, text, labelId, true);
}

bool AnnotationDocument::commit(int k)
{
    if (k < 0) k = m_frame;
    auto& f = *m_frames.at(static_cast<size_t>(k));
    auto* item = m_project ? m_project->find(f.key) : nullptr;
    if (!item || !f.loaded) return false;
    annotation::ImageAnnotation a;
    a.image = item->key;
    a.frame = item->frame;
    QSize size = k == m_frame ? frameSize() : QSize();
    if (size.isEmpty() && !f.instances.empty())
        size = QSize(static_cast<int>(f.instances.front().mask.width), static_cast<int>(f.instances.front().mask.height));
    if (!f.masks.empty()) size = QSize(f.masks.front().cols, f.masks.front().rows);
    if (size.isEmpty()) size = QSize(item->annotation.width, item->annotation.height);
    a.width = size.width();
    a.height = size.height();
    for (size_t i = 0; i < f.instances.size(); ++i) {
        annotation::Instance in = f.instances[i];
        if (i < f.masks.size()) in.mask = annotation::rleEncode(f.masks[i]);
        if (in.mask.width == a.width && in.mask.height == a.height && annotation::rleArea(in.mask) > 0) a.instances.push_back(std::move(in));
    }
    if (item->state == pipeline::ItemState::New && a.instances.empty()) return false;
    bool changed = item->state == pipeline::ItemState::New;
    if (item->state == pipeline::ItemState::New) item->state = pipeline::ItemState::Proposed;
    changed = changed || item->annotation.instances.size() != a.instances.size() || item->annotation.width != a.width;
    for (size_t i = 0; i < a.instances.size() && !changed; ++i) {
        const auto& x = item->annotation.instances[i];
        const auto& y = a.instances[i];
        changed = x.mask.counts != y.mask.counts || x.labelId != y.labelId || x.source != y.source || x.pass != y.pass;
    }
    if (changed) item->annotation = std::move(a);
    return changed;
}

void AnnotationDocument::showFrameFor(int k)
{
    if (k != m_frame && !m_quiet) Q_EMIT frameRequested(k);
}

void AnnotationDocument::notifyMask(int k, const QRect& region)
{
    if (std::find(m_changedFrames.begin(), m_changedFrames.end(), k) == m_changedFrames.end()) m_changedFrames.push_back(k);
    if (k == m_frame) Q_EMIT maskChanged(region);
    Q_EMIT modified();
}

void AnnotationDocument::notifyInstances(int k)
{
    if (std::find(m_changedFrames.begin(), m_changedFrames.end(), k) == m_changedFrames.end()) m_changedFrames.push_back(k);
    if (k == m_frame) {
        const int a = active();
        if (a >= 0) m_usedPass = instance(a).pass;
        Q_EMIT instancesChanged();
    }
    Q_EMIT modified();
}

void AnnotationDocument::notifyState(int k)
{
    Q_EMIT stateChanged(k);
    Q_EMIT modified();
}

bool AnnotationDocument::commitAll()
{
    bool changed = commit(m_frame);
    for (int k : m_changedFrames)
        if (k != m_frame) changed = commit(k) || changed;
    m_changedFrames.clear();
    return changed;
}

void AnnotationDocument::reload(const std::string& key)
{
    for (size_t k = 0; k < m_frames.size(); ++k) {
        if (m_frames[k]->key != key) continue;
        m_frames[k]->loaded = false;
        m_frames[k]->instances.clear();
        m_frames[k]->masks.clear();
        m_frames[k]->active = -1;
        if (static_cast<int>(k) == m_frame) {
            m_proposal = Proposal();
            m_prompts = m_promptsAnswered = Prompts();
            m_usedPass = -1;
            frameData(m_frame);
            Q_EMIT instancesChanged();
            Q_EMIT maskChanged({});
        }
    }
}

} // namespace samsp::ui
