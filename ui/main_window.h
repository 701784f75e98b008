#pragma once
// The studio's main window: an image browser (left), the canvas (centre) and a
// status bar. Images load on a worker thread; each request carries a
// generation number so a late result for an image the user already left is dropped.

#include "inference_worker.h"

#include <QFutureWatcher>
#include <QThread>
#include <QImage>
#include <QMainWindow>
#include <QString>

#include <filesystem>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace samsp::ui {

class ImageCanvas;
class PassViewer;

struct LoadedImage
{
    quint64 generation = 0;
    QString path;
    QImage image;
    QString summary; // "256 x 256, 8-bit RGB, PNG"
    QString error;   // non-empty on failure
};

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Lists the supported images of `folder` in the browser and opens the first.
    bool openFolder(const QString& folder);
    void openImage(const QString& path);

    // Loads a checkpoint on the inference thread; proposals start once it is ready.
    void setModel(const QString& path, const QString& device = QStringLiteral("auto"));
    void setProposalSettings(const ProposalSettings& s) { m_settings = s; }
    bool isModelReady() const { return m_modelReady; }
    const Proposal& proposal() const { return m_proposal; }
    PassViewer* passViewer() const { return m_passViewer; }

    QListWidget* browser() const { return m_browser; }
    ImageCanvas* canvas() const { return m_canvas; }
    QString currentPath() const { return m_currentPath; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void modelReady(const QString& id);
    void modelError(const QString& error);
    void proposalShown(const QString& path);
    void requestModel(const QString& path, const QString& device);
    void requestProposal(quint64 generation, const QString& path, const QImage& rgb, const samsp::ui::ProposalSettings& s);
    void imageShown(const QString& path);
    void imageFailed(const QString& path, const QString& error);

private Q_SLOTS:
    void onBrowserItem(QListWidgetItem* current);
    void onLoaded();
    void showAbout();
    void openFolderDialog();
    void openImageDialog();
    void nextImage();
    void previousImage();
    void onModelLoaded(const QString& id, const QString& device);
    void onModelFailed(const QString& error);
    void onProposal(const samsp::ui::Proposal& p);
    void onProposalFailed(quint64 generation, const QString& error);
    void showPass(int index);
    void proposeCurrent();

private:
    void createActions();
    void setStatusModel();

    ImageCanvas* m_canvas = nullptr;
    QListWidget* m_browser = nullptr;
    QLabel* m_statusImage = nullptr;
    QLabel* m_statusModel = nullptr;
    QLabel* m_statusZoom = nullptr;
    QLabel* m_statusTimes = nullptr;
    PassViewer* m_passViewer = nullptr;
    QThread m_inferenceThread;
    InferenceWorker* m_worker = nullptr;
    bool m_modelReady = false;
    ProposalSettings m_settings;
    Proposal m_proposal;
    QImage m_currentImage;
    int m_usedPass = -1;
    QFutureWatcher<LoadedImage> m_watcher;
    quint64 m_generation = 0;
    QString m_currentPath;
    QString m_lastError;
};

} // namespace samsp::ui
