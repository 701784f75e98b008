#pragma once
// The model manager: the bundled default model, the known public checkpoints
// (with size and checksum; downloadable with progress, resume and verification)
// and local checkpoints the user adds. "Use" loads the model on the inference
// thread; a wrong file gets the loader's clear error there.

#include "downloader.h"

#include <QDialog>
#include <QHash>

class QTableWidget;
class QProgressBar;
class QLabel;
class QPushButton;

namespace samsp::ui {

class ModelManagerDialog : public QDialog
{
    Q_OBJECT
public:
    // `bundledModel`: the model shipped with the studio (listed first when given).
    ModelManagerDialog(const QString& modelsDir, const QString& currentModel, QWidget* parent = nullptr,
                       const QString& bundledModel = {});

    // Columns of the table.
    enum Column { NameColumn, SizeColumn, ShaColumn, TrainedColumn, StateColumn, ActionColumn, ColumnCount };
    // Also list the checkpoints of this folder (the project's models/: the loop's rounds).
    void addModelsFolder(const QString& dir);
    // The row of a local file (bundled, in use, added, or a downloaded known model); -1: none.
    int rowOf(const QString& path) const;

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

Q_SIGNALS:
    // All SHA-256 of local files are shown (they are computed on a worker).
    void checksumsReady();

private:
    void refresh();
    void computeChecksums();
    QString localPath(const KnownCheckpoint& k) const;
    struct Row
    {
        QString name, path;  // path: the local file ("" when not downloaded)
        int known = -1;      // index into m_catalogue, -1 for local-only files
        bool bundled = false;
    };

    QString m_dir, m_current, m_chosen, m_bundled;
    QStringList m_extraDirs;
    QList<KnownCheckpoint> m_catalogue;
    QList<Row> m_rows;
    QHash<QString, QString> m_sha;       // local file -> SHA-256 (hex)
    QHash<QString, QString> m_trainedOn; // local file -> what it was trained on
    QTableWidget* m_table = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_cancel = nullptr;
    Downloader* m_downloader = nullptr;
    int m_row = -1;
};

} // namespace samsp::ui
