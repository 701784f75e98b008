#include "train_dialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace samsp::ui {

DicePlot::DicePlot(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("dicePlot"));
    setMinimumSize(260, 90);
    setToolTip(tr("Validation Dice after each epoch"));
}

void DicePlot::addPoint(double dice)
{
    m_points.push_back(dice);
    update();
}

void DicePlot::clear()
{
    m_points.clear();
    update();
}

void DicePlot::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = rect().adjusted(28, 6, -6, -14);
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(r);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRectF(0, r.top() - 6, 26, 14), Qt::AlignRight, QStringLiteral("1"));
    p.drawText(QRectF(0, r.bottom() - 7, 26, 14), Qt::AlignRight, QStringLiteral("0"));
    p.drawText(QRectF(r.left(), r.bottom() + 1, r.width(), 13), Qt::AlignCenter, tr("validation Dice per epoch"));
    if (m_points.isEmpty()) return;
    const int n = static_cast<int>(m_points.size());
    auto at = [&](int k) {
        const double x = n == 1 ? r.center().x() : r.left() + r.width() * k / (n - 1);
        return QPointF(x, r.bottom() - r.height() * std::clamp(m_points[k], 0.0, 1.0));
    };
    p.setPen(QPen(QColor(46, 134, 193), 2));
    for (int k = 1; k < n; ++k) p.drawLine(at(k - 1), at(k));
    p.setBrush(QColor(46, 134, 193));
    for (int k = 0; k < n; ++k) p.drawEllipse(at(k), 2.5, 2.5);
}

double TrainDialog::defaultMinutes(int accepted)
{
    // ~20 passes over the accepted items at ~3 images/s on a 2-core CPU.
    return std::clamp(std::ceil(accepted * 20.0 / 3.0 / 60.0), 2.0, 30.0);
}

TrainDialog::TrainDialog(int acceptedItems, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("trainDialog"));
    setWindowTitle(tr("Train on Accepted Items"));
    m_minutes = new QDoubleSpinBox(this);
    m_minutes->setObjectName(QStringLiteral("trainMinutes"));
    m_minutes->setRange(0.05, 600);
    m_minutes->setDecimals(2);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setValue(defaultMinutes(acceptedItems));
    auto* form = new QFormLayout;
    form->addRow(tr("Time budget:"), m_minutes);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status = new QLabel(tr("%n accepted item(s) will be learned from; you can go on labelling meanwhile.", nullptr, acceptedItems), this);
    m_status->setObjectName(QStringLiteral("trainStatus"));
    m_status->setWordWrap(true);
    m_plot = new DicePlot(this);
    m_start = new QPushButton(tr("Start"), this);
    m_start->setObjectName(QStringLiteral("trainStart"));
    m_start->setDefault(true);
    m_start->setEnabled(acceptedItems >= 2);
    m_cancel = new QPushButton(tr("Cancel Training"), this);
    m_cancel->setObjectName(QStringLiteral("trainCancel"));
    m_cancel->setEnabled(false);
    auto* close = new QPushButton(tr("Close"), this);
    connect(m_start, &QPushButton::clicked, this, [this] { Q_EMIT startRequested(m_minutes->value()); });
    connect(m_cancel, &QPushButton::clicked, this, &TrainDialog::cancelRequested);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_plot, 1);
    layout->addLayout(buttons);
    if (acceptedItems < 2) m_status->setText(tr("Accept at least 2 items (Enter) to train on them."));
}

double TrainDialog::minutes() const { return m_minutes->value(); }

void TrainDialog::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_minutes->setEnabled(!running);
    if (running) {
        m_plot->clear();
        m_progress->setRange(0, 0);
    }
}

void TrainDialog::showProgress(const QString& phase, int done, int total, double etaSeconds)
{
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
    if (phase == QLatin1String("train"))
        m_status->setText(tr("Training: about %1 left.").arg(etaSeconds >= 60 ? tr("%1 min").arg(etaSeconds / 60.0, 0, 'f', 1)
                                                                            : tr("%1 s").arg(etaSeconds, 0, 'f', 0)));
    else
        m_status->setText(tr("Preparing the accepted items ..."));
}

void TrainDialog::addEpoch(int epoch, double loss, double valDice)
{
    m_plot->addPoint(valDice);
    m_status->setText(tr("Epoch %1: loss %2, validation Dice %3").arg(epoch).arg(loss, 0, 'f', 3).arg(valDice, 0, 'f', 3));
}

void TrainDialog::showResult(const QString& text)
{
    setRunning(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    m_status->setText(text);
}

QString TrainDialog::statusText() const { return m_status->text(); }

} // namespace samsp::ui
