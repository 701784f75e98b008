#pragma once
// The model manager: the bundled default model, the known public checkpoints
// (with size and checksum; downloadable with progress, resume and verification)
// and local checkpoints the user adds. "Use" loads the model on the inference
// thread; a wrong file gets the loader's clear error there.

#include "downloader.h"

#include <QDialog>

class QTableWidget;
class QProgressBar;
class QLabel;
class QPushButton;

namespace samsp::ui {

class ModelManagerDialog : public QDialog
{
    Q_OBJECT
public:
    ModelManagerDialog(const QString& modelsDir, const QString& currentModel, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    Downloader* downloader() const { return m_downloader; }
    QString modelsDir() const { return m_dir; }
    QString chosenModel() const { return m_chosen; }
    // The source of known checkpoints can be replaced (tests serve them on loopback).
    void setCatalogue(const QList<KnownCheckpoint>& list);
    void download(int row);

Q_SIGNALS:
    void useModel(const QString& path);
    // After a download without a published checksum was checked by loading it:
    // empty when it is the expected architecture, else why not (the file is removed).
    void verificationDone(const QString& error);

private:
    void refresh();
    QString localPath(const KnownCheckpoint& k) const;

    QString m_dir, m_current, m_chosen;
    QList<KnownCheckpoint> m_catalogue;
    QTableWidget* m_table = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_cancel = nullptr;
    Downloader* m_downloader = nullptr;
    int m_row = -1;
};

} // namespace samsp::ui
