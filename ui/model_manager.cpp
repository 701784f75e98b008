#include "model_manager.h"

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

namespace samsp::ui {

ModelManagerDialog::ModelManagerDialog(const QString& modelsDir, const QString& currentModel, QWidget* parent)
    : QDialog(parent), m_dir(modelsDir), m_current(currentModel), m_catalogue(knownCheckpoints())
{
    setWindowTitle(tr("Models"));
    QDir().mkpath(m_dir);
    m_downloader = new Downloader(this);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("modelTable"));
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Size"), tr("State"), QString()});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
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
                return QString::fromStdString(e.what());
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
    resize(720, 360);
    refresh();
}

void ModelManagerDialog::setCatalogue(const QList<KnownCheckpoint>& list)
{
    m_catalogue = list;
    refresh();
}

QString ModelManagerDialog::localPath(const KnownCheckpoint& k) const { return m_dir + QLatin1Char('/') + k.file; }

void ModelManagerDialog::refresh()
{
    m_table->setRowCount(static_cast<int>(m_catalogue.size()));
    for (int r = 0; r < m_catalogue.size(); ++r) {
        const KnownCheckpoint& k = m_catalogue[r];
        const QString path = localPath(k);
        const bool have = QFileInfo::exists(path);
        const qint64 part = QFileInfo(Downloader::partPath(path)).size();
        auto* name = new QTableWidgetItem(k.name);
        name->setToolTip(k.sha256.isEmpty()
                             ? (k.variant.isEmpty() ? tr("No published checksum: %1").arg(k.page)
                                                    : tr("No published checksum; a download must load as %1 (every tensor "
                                                         "name and shape). %2")
                                                          .arg(k.variant, k.page))
                             : tr("SHA-256 %1").arg(k.sha256));
        m_table->setItem(r, 0, name);
        m_table->setItem(r, 1, new QTableWidgetItem(k.size > 0 ? QLocale().formattedDataSize(k.size) : tr("unknown")));
        QString state = have ? (path == m_current ? tr("in use") : tr("downloaded"))
                        : part > 0 ? tr("partial (%1)").arg(QLocale().formattedDataSize(part))
                                   : tr("not downloaded");
        m_table->setItem(r, 2, new QTableWidgetItem(state));
        auto* button = new QPushButton(have ? tr("Use") : k.url.isEmpty() ? tr("Open Page") : part > 0 ? tr("Resume") : tr("Download"),
                                       m_table);
        button->setObjectName(QStringLiteral("modelAction%1").arg(r));
        connect(button, &QPushButton::clicked, this, [this, r, have] {
            const KnownCheckpoint& k = m_catalogue[r];
            if (have) {
                m_chosen = localPath(k);
                Q_EMIT useModel(m_chosen);
                accept();
            }
            else if (k.url.isEmpty())
                QDesktopServices::openUrl(QUrl(k.page));
            else
                download(r);
        });
        m_table->setCellWidget(r, 3, button);
    }
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
