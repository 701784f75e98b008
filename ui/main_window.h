#pragma once
// The studio's main window: an image browser (left), the canvas (centre) and a
// status bar. Images load on a worker thread; each request carries a
// generation number so a late result for an image the user already left is dropped.

#include <QFutureWatcher>
#include <QImage>
#include <QMainWindow>
#include <QString>

#include <filesystem>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace samsp::ui {

class ImageCanvas;

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

    QListWidget* browser() const { return m_browser; }
    ImageCanvas* canvas() const { return m_canvas; }
    QString currentPath() const { return m_currentPath; }
    QString lastError() const { return m_lastError; }

signals:
    void imageShown(const QString& path);
    void imageFailed(const QString& path, const QString& error);

private slots:
    void onBrowserItem(QListWidgetItem* current);
    void onLoaded();
    void showAbout();
    void openFolderDialog();
    void openImageDialog();
    void nextImage();
    void previousImage();

private:
    void createActions();
    void setStatusModel();

    ImageCanvas* m_canvas = nullptr;
    QListWidget* m_browser = nullptr;
    QLabel* m_statusImage = nullptr;
    QLabel* m_statusModel = nullptr;
    QLabel* m_statusZoom = nullptr;
    QFutureWatcher<LoadedImage> m_watcher;
    quint64 m_generation = 0;
    QString m_currentPath;
    QString m_lastError;
};

} // namespace samsp::ui
