#include "batch_dialog.h"

#include <QSettings>

#include "qt_convert.h"

#include "pipeline/dataset_export.h"
#include "pipeline/format_registry.h"
#include "pipeline/items.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace samsp::ui {

namespace {
QHBoxLayout* folderRow(QLineEdit* edit, QWidget* owner, const QString& title)
{
    auto* row = new QHBoxLayout;
    auto* browse = new QPushButton(QObject::tr("Browse..."), owner);
    QObject::connect(browse, &QPushButton::clicked, owner, [edit, owner, title] {
        const QString d = QFileDialog::getExistingDirectory(owner, title, edit->text());
        if (!d.isEmpty()) edit->setText(d);
    });
    row->addWidget(edit, 1);
    row->addWidget(browse);
    return row;
}

QString hms(double s)
{
    const int t = static_cast<int>(s);
    return QStringLiteral("%1:%2:%3").arg(t / 3600).arg((t / 60) % 60, 2, 10, QLatin1Char('0')).arg(t % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

BatchDialog::BatchDialog(const QString& inputFolder, InferenceWorker* service, const QString& modelName, const ProposalSettings& s,
                         QWidget* parent)
    : QDialog(parent), m_service(service), m_modelName(modelName), m_settings(s)
{
    setWindowTitle(tr("Annotate Folder"));
    m_input = new QLineEdit(inputFolder, this);
    m_output = new QLineEdit(inputFolder.isEmpty() ? QString() : inputFolder + QStringLiteral("-samsp"), this);
    m_label = new QLineEdit(QStringLiteral("object"), this);
    auto* form = new QFormLayout;
    form->addRow(tr("Images or DICOM:"), folderRow(m_input, this, tr("Input Folder")));
    form->addRow(tr("Output folder:"), folderRow(m_output, this, tr("Output Folder")));
    form->addRow(tr("Class name:"), m_label);
    auto* grid = new QGridLayout;
    int i = 0;
    for (const auto& f : pipeline::outputFormats()) { // every format the pipeline writes, by its human name
        const QString id = QString::fromStdString(f.id);
        auto* box = new QCheckBox(formatDisplayName(f), this);
        box->setObjectName(QStringLiteral("format_") + id);
        box->setToolTip(tr("%1 — writes %2").arg(id, QString::fromStdString(f.files)));
        box->setChecked(id == QLatin1String("png") || id == QLatin1String("coco"));
        m_formats[id] = box;
        grid->addWidget(box, i / 2, i % 2);
        ++i;
    }
    form->addRow(tr("Formats:"), grid);
    m_progress = new QProgressBar(this);
    m_status = new QLabel(tr("Finished items are kept: a cancelled or interrupted batch resumes where it stopped."), this);
    m_status->setWordWrap(true);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_run = new QPushButton(tr("Run"), this);
    m_run->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    connect(m_run, &QPushButton::clicked, this, &BatchDialog::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &BatchDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancelButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_log, 1);
    layout->addLayout(buttons);
    resize(640, 460);
    if (m_service) {
        connect(m_service, &InferenceWorker::batchProgress, this, [this](int done, int total, double rate) {
            if (!m_running) return;
            m_progress->setRange(0, std::max(1, total));
            m_progress->setValue(done);
            const double eta = rate > 0 ? (total - done) / rate : 0;
            m_status->setText(tr("%1 of %2 — %3 images/s — ETA %4").arg(done).arg(total).arg(rate, 0, 'f', 2).arg(hms(eta)));
        });
        connect(m_service, &InferenceWorker::batchFinished, this, [this](bool ok, const QString& summary, const QStringList& failures) {
            if (!m_running) return;
            m_running = false;
            m_summary = ok ? summary : tr("The batch stopped: %1").arg(summary);
            m_failures = failures;
            m_run->setEnabled(true);
            m_cancelButton->setText(tr("Close"));
            m_status->setText(m_summary);
            for (const auto& f : m_failures) m_log->appendPlainText(tr("failed: %1").arg(f));
            m_log->appendPlainText(m_summary);
            Q_EMIT batchFinished(m_summary);
        });
    }
}

BatchDialog::~BatchDialog()
{
    // A batch still running stops after its current item (finished items are kept).
    m_cancel->store(true);
}

QCheckBox* BatchDialog::formatBox(const QString& name) const
{
    auto it = m_formats.find(name);
    return it == m_formats.end() ? nullptr : it->second;
}

void BatchDialog::reject()
{
    if (m_running) { // finish the current item, keep everything written
        m_cancel->store(true);
        m_status->setText(tr("Cancelling after the current item ..."));
        return;
    }
    QDialog::reject();
}

void BatchDialog::run()
{
    if (m_running) return;
    if (m_input->text().isEmpty() || m_output->text().isEmpty()) {
        QMessageBox::warning(this, windowTitle(), tr("Choose the input and the output folder."));
        return;
    }
    if (!m_service) {
        QMessageBox::warning(this, windowTitle(), tr("No model is loaded (File > Models)."));
        return;
    }
    BatchJob job;
    job.inputs = {m_input->text()};
    job.out = m_output->text();
    job.label = m_label->text().isEmpty() ? QStringLiteral("object") : m_label->text();
    for (const auto& [name, box] : m_formats)
        if (box->isChecked()) job.formats << name;
    job.settings = m_settings; // all of them, as the studio's proposals use them
    m_cancel = job.cancel;
    m_failures.clear();
    m_running = true;
    m_run->setEnabled(false);
    m_cancelButton->setText(tr("Cancel"));
    m_status->setText(tr("Annotating with %1 ...").arg(m_modelName));
    QPointer<InferenceWorker> service = m_service;
    QMetaObject::invokeMethod(service, [service, job] { if (service) service->runBatch(job); }, Qt::QueuedConnection);
}

// ---- dataset ----------------------------------------------------------------

DatasetDialog::DatasetDialog(const pipeline::Project& project, const std::filesystem::path& projectDir, QWidget* parent)
    : QDialog(parent), m_project(project), m_dir(projectDir)
{
    setWindowTitle(tr("Export Dataset"));
    m_output = new QLineEdit(this);
    auto* form = new QFormLayout;
    form->addRow(tr("Dataset folder:"), folderRow(m_output, this, tr("Dataset Folder")));
    auto* ratios = new QHBoxLayout;
    const double defaults[3] = {0.7, 0.15, 0.15};
    const QString names[3] = {tr("train"), tr("val"), tr("test")};
    for (int i = 0; i < 3; ++i) {
        m_ratios[i] = new QDoubleSpinBox(this);
        m_ratios[i]->setRange(0, 1);
        m_ratios[i]->setSingleStep(0.05);
        m_ratios[i]->setValue(defaults[i]);
        ratios->addWidget(new QLabel(names[i], this));
        ratios->addWidget(m_ratios[i]);
    }
    form->addRow(tr("Split:"), ratios);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1 << 30);
    form->addRow(tr("Seed:"), m_seed);
    m_format = new QComboBox(this);
    for (const auto& f : pipeline::outputFormats())
        if (f.dataset) m_format->addItem(formatDisplayName(f), QString::fromStdString(f.id));
    form->addRow(tr("Format:"), m_format);
    m_proposed = new QCheckBox(tr("Also proposals nobody accepted yet"), this);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString r = m_watcher.result();
        showResult(r.section(QLatin1Char('\x1f'), 1), r.section(QLatin1Char('\x1f'), 0, 0));
    });
    form->addRow(QString(), m_proposed);
    int accepted = 0, proposed = 0;
    for (const auto& i : project.items) {
        accepted += i.state == pipeline::ItemState::Accepted;
        proposed += i.state == pipeline::ItemState::Proposed;
    }
    m_status = new QLabel(tr("%1 accepted and %2 proposed item(s). DICOM items are split by patient.").arg(accepted).arg(proposed), this);
    m_status->setWordWrap(true);
    m_export = new QPushButton(tr("Export"), this);
    m_export->setDefault(true);
    connect(m_export, &QPushButton::clicked, this, &DatasetDialog::exportNow);
    auto* close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
}

void DatasetDialog::exportNow()
{
    if (m_output->text().isEmpty()) {
        QMessageBox::warning(this, windowTitle(), tr("Choose the dataset folder."));
        return;
    }
    pipeline::DatasetExportOptions o;
    o.out = m_output->text().toStdString();
    for (int i = 0; i < 3; ++i) o.ratios[static_cast<size_t>(i)] = m_ratios[i]->value();
    o.seed = static_cast<uint64_t>(m_seed->value());
    o.format = m_format->currentData().toString().toStdString();
    o.includeProposed = m_proposed->isChecked();
    int accepted = 0, proposed = 0;
    for (const auto& i : m_project.items) {
        accepted += i.state == pipeline::ItemState::Accepted && i.annotation.width > 0;
        proposed += i.state == pipeline::ItemState::Proposed && i.annotation.width > 0;
    }
    if (accepted == 0 && !(o.includeProposed && proposed > 0)) {
        // Said in the dialog's own terms (the library's message names a command-line flag).
        m_result = proposed > 0 ? tr("No item is accepted yet. Accept items (Enter), or tick \"%1\" to export the %n proposal(s).", "",
                                     proposed)
                                      .arg(m_proposed->text())
                                : tr("The project has no annotated item to export.");
        m_status->setText(m_result);
        return;
    }
    // Written on a worker from a snapshot of the project: the window stays live.
    if (m_watcher.isRunning()) return;
    m_export->setEnabled(false);
    m_status->setText(tr("Writing the dataset ..."));
    const pipeline::Project snapshot = m_project;
    const std::filesystem::path dir = m_dir;
    const QString splitNames[3] = {tr("train"), tr("val"), tr("test")};
    const QStringList names{splitNames[0], splitNames[1], splitNames[2]};
    m_watcher.setFuture(QtConcurrent::run([snapshot, dir, o, names]() -> QString {
        try {
            const auto res = pipeline::exportDataset(snapshot, dir, o);
            QStringList parts;
            for (const auto& [split, n] : res.itemsPerSplit) parts << QStringLiteral("%1 %2").arg(QString::fromStdString(split)).arg(n);
            QString text = tr("Dataset written: %1; card %2").arg(parts.join(QStringLiteral(", ")), QString::fromStdString(res.card.string()));
            const char* ids[3] = {"train", "val", "test"};
            for (int k = 0; k < 3; ++k) {
                const auto n = res.itemsPerSplit.find(ids[k]);
                if (o.ratios[static_cast<size_t>(k)] > 0 && (n == res.itemsPerSplit.end() || n->second == 0))
                    text += QLatin1Char('\n') + tr("Warning: the %1 split is empty although its share is %2: the items come from too "
                                                   "few patients (or files) to divide, and one patient is never split.")
                                                    .arg(names[k])
                                                    .arg(o.ratios[static_cast<size_t>(k)]);
            }
            for (const auto& p : res.problems) text += QLatin1Char('\n') + QString::fromStdString(p);
            return QString::fromStdString(res.card.string()) + QLatin1Char('\x1f') + text;
        } catch (const std::exception& e) {
            return QLatin1Char('\x1f') + tr("The export failed: %1").arg(errorText(e));
        }
    }));
}

DatasetDialog::~DatasetDialog() { m_watcher.waitForFinished(); }

void DatasetDialog::showResult(const QString& text, const QString& card)
{
    m_export->setEnabled(true);
    m_result = text;
    m_status->setText(text);
    if (!card.isEmpty()) Q_EMIT exported(card);
}

} // namespace samsp::ui
