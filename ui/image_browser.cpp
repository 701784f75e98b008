#include "image_browser.h"

#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace samsp::ui {

namespace fs = std::filesystem;

QString itemKey(const fs::path& root, const fs::path& file, int frame)
{
    fs::path rel = root.empty() ? file.filename() : file.lexically_normal().lexically_relative(root);
    if (rel.empty() || rel.string().rfind("..", 0) == 0) rel = file;
    QString k = QString::fromStdString(rel.generic_string());
    if (frame > 0) k += QStringLiteral("#%1").arg(frame);
    return k;
}

namespace {
QIcon stateIcon(pipeline::ItemState s)
{
    static QIcon icons[4];
    const int i = static_cast<int>(s);
    if (icons[i].isNull()) {
        const QColor c[4] = {QColor(140, 140, 140), QColor(241, 196, 15), QColor(46, 204, 113), QColor(231, 76, 60)};
        QPixmap pm(12, 12);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(c[i]);
        p.setPen(Qt::NoPen);
        p.drawEllipse(1, 1, 10, 10);
        icons[i] = QIcon(pm);
    }
    return icons[i];
}

// An item that could not be read: a warning triangle (drawn, so it looks the same on
// every platform style), distinct from the four state dots.
QIcon unreadableIcon()
{
    static QIcon icon;
    if (icon.isNull()) {
        QPixmap pm(12, 12);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor(192, 57, 43));
        p.setPen(Qt::NoPen);
        p.drawPolygon(QPolygonF({QPointF(6, 0.5), QPointF(11.5, 11), QPointF(0.5, 11)}));
        p.setPen(QPen(Qt::white, 1.6));
        p.drawLine(QPointF(6, 4), QPointF(6, 7.5));
        p.drawPoint(QPointF(6, 9.4));
        icon = QIcon(pm);
    }
    return icon;
}
} // namespace

// ---- BrowserModel ----------------------------------------------------------------

void BrowserModel::clearAll()
{
    beginResetModel();
    m_rows.clear();
    m_series.clear();
    m_byKey.clear();
    endResetModel();
}

void BrowserModel::populate(const std::vector<pipeline::BatchItem>& items, std::vector<imaging::DicomSeries> series,
                            const pipeline::Project* project, const fs::path& root)
{
    beginResetModel();
    m_project = project;
    m_root = root;
    m_rows.clear();
    m_rows.reserve(items.size());
    for (const auto& it : items) {
        if (!it.seriesInstanceUid.empty()) continue;
        Row r;
        r.key = QString::fromStdString(it.key);
        r.label = r.key;
        r.path = QString::fromStdString(it.file.string()) + (it.frame > 0 ? QStringLiteral("#%1").arg(it.frame) : QString());
        m_rows.push_back(std::move(r));
    }
    m_series = std::move(series);
    for (size_t i = 0; i < m_series.size(); ++i) {
        const auto& s = m_series[i];
        Row r;
        r.label = tr("Series: %1 (%2, %3 slices)")
                      .arg(QString::fromStdString(s.description.empty() ? s.seriesInstanceUid : s.description),
                           QString::fromStdString(s.modality))
                      .arg(s.slices.size());
        r.path = QString::fromStdString(s.slices.front().info.file.parent_path().string());
        r.key = itemKey(root, s.slices.front().info.file.parent_path(), 0);
        r.series = static_cast<int>(i);
        m_rows.push_back(std::move(r));
    }
    reindex();
    endResetModel();
}

void BrowserModel::reindex()
{
    m_byKey.clear();
    m_byKey.reserve(static_cast<qsizetype>(m_rows.size()));
    for (int k = 0; k < static_cast<int>(m_rows.size()); ++k) {
        const Row& r = m_rows[static_cast<size_t>(k)];
        m_byKey.insert(r.key, k);
        if (r.series >= 0)
            for (const auto& sl : m_series[static_cast<size_t>(r.series)].slices) m_byKey.insert(itemKey(m_root, sl.info.file, sl.frame), k);
    }
}

int BrowserModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }

int BrowserModel::rowOf(const QString& key) const { return m_byKey.value(key, -1); }

void BrowserModel::rowChanged(int row)
{
    if (row < 0 || row >= rowCount()) return;
    Q_EMIT dataChanged(index(row), index(row));
}

void BrowserModel::allChanged()
{
    if (rowCount() > 0) Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

void BrowserModel::markUnreadable(int row, const QString& why)
{
    if (row < 0 || row >= rowCount()) return;
    m_rows[static_cast<size_t>(row)].error = why;
    rowChanged(row);
}

pipeline::ItemState BrowserModel::stateOf(const Row& r, int counts[4]) const
{
    if (!m_project) return pipeline::ItemState::New;
    if (r.series < 0) {
        const auto* pi = m_project->find(r.key.toStdString());
        return pi ? pi->state : pipeline::ItemState::New;
    }
    // A series: accepted when every slice is, proposed when any has been looked at.
    const auto& slices = m_series[static_cast<size_t>(r.series)].slices;
    for (const auto& sl : slices) {
        const auto* pi = m_project->find(itemKey(m_root, sl.info.file, sl.frame).toStdString());
        ++counts[static_cast<int>(pi ? pi->state : pipeline::ItemState::New)];
    }
    const int n = static_cast<int>(slices.size());
    return counts[2] == n ? pipeline::ItemState::Accepted : counts[0] < n ? pipeline::ItemState::Proposed : pipeline::ItemState::New;
}

QVariant BrowserModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& r = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
    case PathRole: return r.path;
    case KeyRole: return r.key;
    case SeriesRole: return r.series;
    case ErrorRole: return r.error;
    case BaseTextRole: return r.label;
    default: break;
    }
    if (role != Qt::DisplayRole && role != Qt::DecorationRole && role != Qt::ToolTipRole && role != StateRole) return {};
    if (!r.error.isEmpty()) {
        if (role == Qt::DisplayRole) return r.label;
        if (role == Qt::DecorationRole) return unreadableIcon();
        if (role == StateRole) return QStringLiteral("unreadable");
        return tr("%1 — cannot be read: %2").arg(r.path, r.error);
    }
    int counts[4] = {0, 0, 0, 0};
    const pipeline::ItemState s = stateOf(r, counts);
    switch (role) {
    case Qt::DisplayRole:
        if (r.series < 0) return r.label;
        return tr("%1 — %2 accepted, %3 proposed, %4 rejected").arg(r.label).arg(counts[2]).arg(counts[1]).arg(counts[3]);
    case Qt::DecorationRole: return stateIcon(s);
    case StateRole: return QString::fromStdString(pipeline::stateName(s));
    default: {
        const QString names[4] = {tr("new"), tr("proposed"), tr("accepted"), tr("rejected")};
        QString tip = QStringLiteral("%1 — %2").arg(r.path, names[static_cast<int>(s)]);
        if (r.series >= 0)
            for (const auto& w : m_series[static_cast<size_t>(r.series)].warnings) tip += QLatin1Char('\n') + QString::fromStdString(w);
        return tip;
    }
    }
}

void BrowserModel::sortByUncertainty(bool on)
{
    // On real held-out data the trained IoU head's predicted IoU ranks real error best
    // (Spearman 0.55 on PH2 val, vs 0.33 for the disagreement between passes and -0.09
    // for the logits' entropy: `samsp eval` prints the check), so the order is by it.
    auto rank = [this](const Row& r) -> std::pair<int, double> {
        if (r.series >= 0) return {3, 0};
        const auto* pi = m_project ? m_project->find(r.key.toStdString()) : nullptr;
        if (!pi || pi->state == pipeline::ItemState::New) return {2, 0};
        if (pi->state != pipeline::ItemState::Proposed) return {4, 0};
        double lowest = 2;
        for (const auto& in : pi->annotation.instances) lowest = std::min(lowest, in.score ? *in.score : 2.0);
        return lowest <= 1 ? std::pair<int, double>{0, lowest} : std::pair<int, double>{1, 0};
    };
    Q_EMIT layoutAboutToBeChanged();
    // Persistent indexes (the current row) follow their rows, by key.
    const QModelIndexList from = persistentIndexList();
    std::vector<QString> keys;
    for (const QModelIndex& i : from) keys.push_back(m_rows[static_cast<size_t>(i.row())].key);
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Row& a, const Row& b) {
        if (!on) {
            if ((a.series >= 0) != (b.series >= 0)) return a.series < 0;
            return a.key < b.key;
        }
        return rank(a) < rank(b);
    });
    reindex();
    QModelIndexList to;
    for (const auto& k : keys) to.push_back(index(m_byKey.value(k, 0)));
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged();
}

// ---- ImageBrowser -----------------------------------------------------------------

ImageBrowser::ImageBrowser(QWidget* parent) : QListView(parent), m_model(new BrowserModel(this))
{
    setObjectName(QStringLiteral("imageBrowser"));
    setUniformItemSizes(true); // keeps huge folders fast to list
    setModel(m_model);
    setSelectionMode(QAbstractItemView::SingleSelection);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { Q_EMIT currentRowChanged(current.isValid() ? current.row() : -1); });
}

QWidget* ImageBrowser::withLegend(QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(this, 1);
    auto* legend = new QLabel(box);
    legend->setObjectName(QStringLiteral("stateLegend"));
    legend->setWordWrap(true);
    legend->setText(QStringLiteral("<span style='color:#8c8c8c'>&#9679;</span>&nbsp;%1 &nbsp; <span style='color:#f1c40f'>&#9679;</span>&nbsp;%2 "
                                   "&nbsp; <span style='color:#2ecc71'>&#9679;</span>&nbsp;%3 &nbsp; <span style='color:#e74c3c'>&#9679;</span>&nbsp;%4 "
                                   "&nbsp; <span style='color:#c0392b'>&#9650;</span>&nbsp;%5")
                        .arg(tr("new"), tr("proposed"), tr("accepted"), tr("rejected"), tr("unreadable")));
    v->addWidget(legend);
    return box;
}

void ImageBrowser::clearAll()
{
    blockSignals(true);
    m_model->clearAll();
    blockSignals(false);
}

void ImageBrowser::populate(const std::vector<pipeline::BatchItem>& items, std::vector<imaging::DicomSeries> series,
                            const pipeline::Project* project, const fs::path& root)
{
    blockSignals(true);
    m_model->populate(items, std::move(series), project, root);
    blockSignals(false);
}

void ImageBrowser::setCurrentRow(int row)
{
    if (row < 0 || row >= count()) return;
    setCurrentIndex(m_model->index(row));
}

int ImageBrowser::nextOpenRow(int from) const
{
    for (int r = std::max(0, from); r < count(); ++r) {
        const QString st = rowData(r, StateRole).toString();
        if (st == QLatin1String("new") || st == QLatin1String("proposed")) return r;
    }
    return -1;
}

void ImageBrowser::sortByUncertainty(bool on)
{
    blockSignals(true); // the current item stays the same: nothing to open
    m_model->sortByUncertainty(on);
    blockSignals(false);
}

} // namespace samsp::ui
