#pragma once
// The studio's batch and dataset dialogs: "Annotate Folder" runs the same batch
// as `samsp annotate` with the studio's own model on its inference thread (one
// copy of the weights, one thread budget; the studio's requests are served
// between items) with a progress bar, rate, ETA and Cancel; "Export Dataset"
// splits the project and writes a dataset with its card on a worker, as
// `samsp dataset export` does.

#include "inference_worker.h"

#include "pipeline/project.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>

class QLineEdit;
class QCheckBox;
class QProgressBar;
class QLabel;
class QPushButton;
class QDoubleSpinBox;
class QSpinBox;
class QComboBox;
class QPlainTextEdit;

namespace samsp::ui {

class BatchDialog : public QDialog
{
    Q_OBJECT
public:
    // `service`: the studio's inference worker (null: no model, the dialog says so);
    // `modelName`: what the dialog names as the model used.
    BatchDialog(const QString& inputFolder, InferenceWorker* service, const QString& modelName, const ProposalSettings& s,
                QWidget* parent = nullptr);
    ~BatchDialog() override;

    QLineEdit* inputEdit() const { return m_input; }
    QLineEdit* outputEdit() const { return m_output; }
    QCheckBox* formatBox(const QString& name) const;
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QString summary() const { return m_summary; }
    QStringList failures() const { return m_failures; }

Q_SIGNALS:
    void batchFinished(const QString& summary);

private:
    void run();
    void reject() override;

    QLineEdit* m_input = nullptr;
    QLineEdit* m_output = nullptr;
    QLineEdit* m_label = nullptr;
    std::map<QString, QCheckBox*> m_formats;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPointer<InferenceWorker> m_service;
    QString m_modelName;
    ProposalSettings m_settings;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    bool m_running = false;
    QString m_summary;
    QStringList m_failures;
};

class DatasetDialog : public QDialog
{
    Q_OBJECT
public:
    DatasetDialog(const pipeline::Project& project, const std::filesystem::path& projectDir, QWidget* parent = nullptr);
    ~DatasetDialog() override; // waits for an export still being written (it is never cut short)

    QLineEdit* outputEdit() const { return m_output; }
    QComboBox* formatBox() const { return m_format; }
    QCheckBox* includeProposedBox() const { return m_proposed; }
    QPushButton* exportButton() const { return m_export; }
    QString result() const { return m_result; }

Q_SIGNALS:
    void exported(const QString& card);

private:
    void exportNow();
    void showResult(const QString& text, const QString& card);

    const pipeline::Project& m_project;
    std::filesystem::path m_dir;
    QLineEdit* m_output = nullptr;
    QDoubleSpinBox* m_ratios[3] = {nullptr, nullptr, nullptr};
    QSpinBox* m_seed = nullptr;
    QComboBox* m_format = nullptr;
    QCheckBox* m_proposed = nullptr;
    QPushButton* m_export = nullptr;
    QLabel* m_status = nullptr;
    QString m_result;
    QFutureWatcher<QString> m_watcher; // the export, on a worker
};

} // namespace samsp::ui
