#include "pass_viewer.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace samsp::ui {

PassViewer::PassViewer(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(tr("No proposal yet."), this);
    m_summary->setObjectName(QStringLiteral("passSummary"));
    m_summary->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("passList"));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSpacing(2);
    setMinimumWidth(300);
    m_use = new QPushButton(tr("Use this pass"), this);
    m_use->setEnabled(false);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_use);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_use->setEnabled(row >= 0);
        if (row >= 0) Q_EMIT passSelected(row);
    });
    connect(m_use, &QPushButton::clicked, this, [this] {
        if (m_list->currentRow() >= 0) Q_EMIT usePass(m_list->currentRow());
    });
}

void PassViewer::setProposal(const Proposal& p)
{
    m_list->blockSignals(true);
    m_list->clear();
    for (const auto& v : p.passes) {
        QStringList prompts;
        if (v.box) prompts << tr("box");
        if (!v.points.isEmpty()) prompts << tr("%n point(s)", nullptr, int(v.points.size()));
        if (v.maskFed) prompts << tr("mask");
        const QString what = prompts.isEmpty() ? tr("no prompt") : prompts.join(QStringLiteral(" + "));
        const QString iou = v.predictedIou ? QString::number(*v.predictedIou, 'f', 3) : tr("not calibrated");
        QString text = tr("Pass %1: %2 — predicted IoU %3 — %4 ms").arg(v.index).arg(what).arg(iou).arg(v.ms, 0, 'f', 1);
        if (v.index > 0) text += tr(" — IoU with pass %1: %2").arg(v.index - 1).arg(v.iouWithPrevious, 0, 'f', 3);
        m_list->addItem(text);
    }
    m_list->blockSignals(false);
    // Whole sentences per case, with the count as a plural (no English fragments).
    const int n = int(p.passes.size());
    const QString times = tr("Encode %1 ms, passes %2 ms.").arg(p.encodeMs, 0, 'f', 0).arg(p.decodeMs, 0, 'f', 0);
    if (!p.found)
        m_summary->setText(n <= 1 ? tr("No object found: the pass without a prompt is empty.")
                                  : tr("No object found: pass %1 is empty.").arg(n - 1));
    else if (p.converged)
        m_summary->setText(tr("%n pass(es); converged at pass %1.", nullptr, n).arg(n - 1) + QLatin1Char(' ') + times);
    else
        m_summary->setText(tr("%n pass(es), all run.", nullptr, n) + QLatin1Char(' ') + times);

    if (!p.passes.isEmpty()) m_list->setCurrentRow(p.finalPass >= 0 ? p.finalPass : int(p.passes.size()) - 1);
}

void PassViewer::clear(const QString& message)
{
    m_list->clear();
    m_use->setEnabled(false);
    m_summary->setText(message.isEmpty() ? tr("No proposal yet.") : message);
}

int PassViewer::currentPass() const { return m_list->currentRow(); }
int PassViewer::passCount() const { return m_list->count(); }

} // namespace samsp::ui
