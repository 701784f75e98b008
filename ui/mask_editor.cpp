#include "mask_editor.h"

#include <opencv2/imgproc.hpp>

namespace samsp::ui {

MaskEditor::MaskEditor(QObject* parent) : QObject(parent) { m_stack.setUndoLimit(200); }

void MaskEditor::reset(const cv::Mat& mask)
{
    m_stack.clear();
    m_strokeStart.release();
    m_mask = mask.empty() ? cv::Mat() : cv::Mat(mask != 0);
    m_edits = 0;
    Q_EMIT maskChanged();
}

void MaskEditor::apply(const cv::Mat& next, const QString& text)
{
    cv::Mat n = next != 0;
    if (m_mask.empty()) m_mask = cv::Mat::zeros(n.size(), CV_8UC1);
    if (n.size() != m_mask.size()) return;
    cv::Mat x;
    cv::bitwise_xor(m_mask, n, x);
    if (cv::countNonZero(x) == 0) return;
    m_stack.push(new MaskDiffCommand(this, annotation::rleEncode(x), text));
}

void MaskEditor::applyXor(const annotation::Rle& diff, int editDelta)
{
    const cv::Mat x = annotation::rleDecodeMat(diff, 255);
    if (m_mask.empty()) m_mask = cv::Mat::zeros(x.size(), CV_8UC1);
    cv::bitwise_xor(m_mask, x, m_mask);
    m_edits += editDelta;
    Q_EMIT maskChanged();
}

void MaskEditor::beginStroke()
{
    if (m_mask.empty()) return;
    m_strokeStart = m_mask.clone();
}

void MaskEditor::strokeSegment(const cv::Point& a, const cv::Point& b, int radius, bool erase)
{
    if (m_mask.empty()) return;
    const cv::Scalar v(erase ? 0 : 255);
    cv::line(m_mask, a, b, v, std::max(1, 2 * radius), cv::LINE_8);
    cv::circle(m_mask, b, radius, v, cv::FILLED);
    cv::circle(m_mask, a, radius, v, cv::FILLED);
    Q_EMIT maskChanged();
}

void MaskEditor::endStroke(const QString& text)
{
    if (m_strokeStart.empty()) return;
    cv::Mat painted = m_mask;
    m_mask = m_strokeStart; // back to the start; the command re-applies the whole stroke
    m_strokeStart.release();
    cv::Mat x;
    cv::bitwise_xor(m_mask, painted, x);
    if (cv::countNonZero(x) == 0) {
        Q_EMIT maskChanged();
        return;
    }
    m_stack.push(new MaskDiffCommand(this, annotation::rleEncode(x), text));
}

MaskDiffCommand::MaskDiffCommand(MaskEditor* editor, annotation::Rle diff, const QString& text)
    : m_editor(editor), m_diff(std::move(diff))
{
    setText(text);
}

void MaskDiffCommand::redo() { m_editor->applyXor(m_diff, +1); }
void MaskDiffCommand::undo() { m_editor->applyXor(m_diff, -1); }

} // namespace samsp::ui
