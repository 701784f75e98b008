#include "model_manager.h"
#include "qt_convert.h"

#include "model/catalogue.h"

#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <array>

namespace samsp::ui {

ModelManagerDialog::ModelManagerDialog(const QString& modelsDir, const QString& currentModel, QWidget* parent,
                                       const QString& bundledModel)
    : QDialog(parent), m_dir(modelsDir), m_current(QFileInfo(currentModel).absoluteFilePath()),
      m_bundled(bundledModel.isEmpty() ? QString() : QFileInfo(bundledModel).absoluteFilePath()), m_catalogue(knownCheckpoints())
{
    if (currentModel.isEmpty()) m_current.clear();
    setWindowTitle(tr("Models"));
    QDir().mkpath(m_dir);
    m_downloader = new Downloader(this);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("modelTable"));
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Size"), tr("SHA-256"), tr("Trained on"), tr("State"), QString()});
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TrainedColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_cancel = new QPushButton(tr("Cancel Download"), this);
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, m_downloader, &Downloader::cancel);
    auto* add = new QPushButton(tr("Add Local Checkpoint..."), this);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Checkpoint"), QString(), tr("Checkpoints (*.pth *.pt *.safetensors)"));
        if (f.isEmpty()) return;
        m_chosen = f;
        Q_EMIT useModel(f);
        accept();
    });
    auto* close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_downloader, &Downloader::progress, this, [this](qint64 got, qint64 total) {
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0) m_progress->setValue(static_cast<int>(1000.0 * double(got) / double(total)));
        m_status->setText(tr("%1 of %2").arg(QLocale().formattedDataSize(got), total > 0 ? QLocale().formattedDataSize(total) : tr("unknown")));
    });
    connect(m_downloader, &Downloader::finished, this, [this](const QString& dest) {
        const KnownCheckpoint* k = m_row >= 0 && m_row < m_catalogue.size() ? &m_catalogue[m_row] : nullptr;
        if (!k || !k->sha256.isEmpty() || k->variant.isEmpty()) {
            m_progress->setVisible(false);
            m_cancel->setVisible(false);
            m_status->setText(tr("Downloaded and verified: %1").arg(dest));
            refresh();
            computeChecksums();
            return;
        }
        // No published checksum: the file must load strictly as its architecture.
        // Loading takes a moment, so it runs on a worker; a file that fails is removed.
        m_status->setText(tr("Checking %1 ...").arg(dest));
        const std::string path = dest.toStdString(), variant = k->variant.toStdString();
        auto* watcher = new QFutureWatcher<QString>(this);
        connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, dest] {
            const QString error = watcher->result();
            watcher->deleteLater();
            m_progress->setVisible(false);
            m_cancel->setVisible(false);
            if (error.isEmpty()) {
                m_status->setText(tr("Downloaded and verified by loading (no checksum is published): %1").arg(dest));
            } else {
                QFile::remove(dest);
                m_status->setText(tr("The download is not the expected checkpoint and was removed: %1").arg(error));
            }
            refresh();
            Q_EMIT verificationDone(error);
        });
        watcher->setFuture(QtConcurrent::run([path, variant]() -> QString {
            try {
                model::verifyCheckpointIsVariant(path, variant);
                return {};
            } catch (const std::exception& e) {
                return errorText(e);
            }
        }));
    });
    connect(m_downloader, &Downloader::failed, this, [this](const QString& why) {
        m_progress->setVisible(false);
        m_cancel->setVisible(false);
        m_status->setText(tr("Download stopped: %1").arg(why));
        refresh();
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Checkpoints are kept in %1.").arg(m_dir), this));
    layout->addWidget(m_table, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    resize(980, 380);
    refresh();
    computeChecksums();
}

void ModelManagerDialog::addModelsFolder(const QString& dir)
{
    m_extraDirs << dir;
    refresh();
    computeChecksums();
}

void ModelManagerDialog::setCatalogue(const QList<KnownCheckpoint>& list)
{
    m_catalogue = list;
    refresh();
}

QString ModelManagerDialog::localPath(const KnownCheckpoint& k) const { return m_dir + QLatin1Char('/') + k.file; }

int ModelManagerDialog::rowOf(const QString& path) const
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    for (int r = 0; r < m_rows.size(); ++r)
        if (!m_rows[r].path.isEmpty() && QFileInfo(m_rows[r].path).absoluteFilePath() == abs) return r;
    return -1;
}

void ModelManagerDialog::refresh()
{
    // Rows: the bundled model, the model in use and checkpoints in the models folder
    // (added, trained, downloaded), then the public catalogue.
    m_rows.clear();
    QStringList seen;
    auto addLocal = [&](const QString& path, const QString& name, bool bundled) {
        const QString abs = QFileInfo(path).absoluteFilePath();
        if (path.isEmpty() || !QFileInfo::exists(abs) || seen.contains(abs)) return;
        seen << abs;
        m_rows.append({name, abs, -1, bundled});
    };
    addLocal(m_bundled, tr("Bundled default model"), true);
    addLocal(m_current, QFileInfo(m_current).fileName(), false);
    for (const QFileInfo& f : QDir(m_dir).entryInfoList({QStringLiteral("*.safetensors"), QStringLiteral("*.pth"), QStringLiteral("*.pt")},
                                                         QDir::Files, QDir::Name)) {
        bool known = false;
        for (const auto& k : m_catalogue) known = known || k.file == f.fileName();
        if (!known) addLocal(f.absoluteFilePath(), f.fileName(), false);
    }
    for (const QString& d : m_extraDirs)
        for (const QFileInfo& f : QDir(d).entryInfoList({QStringLiteral("*.safetensors")}, QDir::Files, QDir::Name))
            addLocal(f.absoluteFilePath(), tr("%1 (this project)").arg(f.fileName()), false);
    for (int i = 0; i < m_catalogue.size(); ++i) {
        const QString path = QFileInfo(localPath(m_catalogue[i])).absoluteFilePath();
        if (seen.contains(path)) { // already listed as the model in use: name it
            for (auto& r : m_rows)
                if (r.path == path) r.name = m_catalogue[i].name, r.known = i;
            continue;
        }
        m_rows.append({m_catalogue[i].name, QFileInfo::exists(path) ? path : QString(), i, false});
        if (QFileInfo::exists(path)) seen << path;
    }

    m_table->setRowCount(static_cast<int>(m_rows.size()));
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row& row = m_rows[r];
        const KnownCheckpoint* k = row.known >= 0 ? &m_catalogue[row.known] : nullptr;
        const bool have = !row.path.isEmpty();
        const QString path = have ? row.path : k ? localPath(*k) : QString();
        const qint64 part = k ? QFileInfo(Downloader::partPath(path)).size() : 0;
        auto* name = new QTableWidgetItem(row.name);
        QString tip = have ? row.path : QString();
        if (k) {
            const QString check = k->sha256.isEmpty()
                                      ? (k->variant.isEmpty() ? tr("No published checksum: %1").arg(k->page)
                                                              : tr("No published checksum; a download must load as %1 (every tensor "
                                                                   "name and shape). %2")
                                                                    .arg(k->variant, k->page))
                                      : tr("SHA-256 %1 (published)").arg(k->sha256);
            tip = tip.isEmpty() ? check : tip + QLatin1Char('\n') + check;
        }
        name->setToolTip(tip);
        m_table->setItem(r, NameColumn, name);
        const qint64 size = have ? QFileInfo(row.path).size() : k ? k->size : 0;
        m_table->setItem(r, SizeColumn, new QTableWidgetItem(size > 0 ? QLocale().formattedDataSize(size) : tr("unknown")));
        // SHA-256: of the file here (computed on a worker), else the published one.
        const QString sha = have ? m_sha.value(row.path) : k ? k->sha256 : QString();
        auto* shaItem = new QTableWidgetItem(sha.isEmpty() ? (have ? tr("computing ...") : tr("not published")) : sha.left(16) + QStringLiteral("…"));
        shaItem->setToolTip(sha);
        shaItem->setData(Qt::UserRole, sha);
        m_table->setItem(r, ShaColumn, shaItem);
        QString trained = have ? m_trainedOn.value(row.path) : QString();
        if ((trained.isEmpty() || trained == QLatin1String("unknown")) && k) trained = k->trainedOn;
        auto* trainedItem = new QTableWidgetItem(trained.isEmpty() ? tr("unknown") : trained);
        trainedItem->setToolTip(trained);
        m_table->setItem(r, TrainedColumn, trainedItem);
        const bool inUse = have && !m_current.isEmpty() && row.path == m_current;
        QString state = inUse ? tr("in use") : have ? (row.bundled ? tr("bundled") : tr("downloaded"))
                        : part > 0 ? tr("partial (%1)").arg(QLocale().formattedDataSize(part))
                                   : tr("not downloaded");
        m_table->setItem(r, StateColumn, new QTableWidgetItem(state));
        auto* button = new QPushButton(have ? tr("Use") : (!k || k->url.isEmpty()) ? tr("Open Page") : part > 0 ? tr("Resume") : tr("Download"),
                                       m_table);
        button->setObjectName(QStringLiteral("modelAction%1").arg(r));
        button->setEnabled(!inUse);
        const QString rowPath = row.path;
        const int known = row.known;
        connect(button, &QPushButton::clicked, this, [this, rowPath, known] {
            if (!rowPath.isEmpty()) {
                m_chosen = rowPath;
                Q_EMIT useModel(m_chosen);
                accept();
            } else if (known >= 0 && m_catalogue[known].url.isEmpty())
                QDesktopServices::openUrl(QUrl(m_catalogue[known].page));
            else if (known >= 0)
                download(known);
        });
        m_table->setCellWidget(r, ActionColumn, button);
    }
}

void ModelManagerDialog::computeChecksums()
{
    // SHA-256 and the training summary of every local file, on a worker (a ViT-H
    // checkpoint is 2.5 GB): the table fills in when they are known.
    QStringList files;
    for (const auto& r : m_rows)
        if (!r.path.isEmpty() && !m_sha.contains(r.path)) files << r.path;
    if (files.isEmpty()) {
        Q_EMIT checksumsReady();
        return;
    }
    using Result = QList<std::array<QString, 3>>;
    auto* watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher] {
        for (const auto& [path, sha, trained] : watcher->result()) {
            m_sha.insert(path, sha);
            m_trainedOn.insert(path, trained);
        }
        watcher->deleteLater();
        refresh();
        Q_EMIT checksumsReady();
    });
    watcher->setFuture(QtConcurrent::run([files]() {
        Result out;
        for (const QString& f : files)
            out.append({f, fileSha256(f), QString::fromStdString(model::describeTraining(f.toStdString()))});
        return out;
    }));
}

void ModelManagerDialog::download(int row)
{
    if (m_downloader->isRunning() || row < 0 || row >= m_catalogue.size()) return;
    const KnownCheckpoint& k = m_catalogue[row];
    m_row = row;
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_status->setText(tr("Downloading %1 ...").arg(k.name));
    m_downloader->start(QUrl(k.url), localPath(k), k.size, k.sha256);
}

} // namespace samsp::ui
