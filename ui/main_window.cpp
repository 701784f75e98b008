#include "main_window.h"

#include "about_dialog.h"
#include "image_canvas.h"
#include "qt_convert.h"

#include "common/version.h"
#include "imaging/image_io.h"
#include "model/runtime_info.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace samsp::ui {

namespace {
LoadedImage loadOnWorker(quint64 generation, QString path)
{
    LoadedImage r;
    r.generation = generation;
    r.path = path;
    try {
        auto img = imaging::loadImage(path.toStdString());
        r.image = rgbToQImage(imaging::toRgb8(img.pixels, img.window));
        const auto& i = img.info;
        r.summary = QStringLiteral("%1 x %2, %3-bit %4, %5")
                        .arg(i.width)
                        .arg(i.height)
                        .arg(i.bitDepth)
                        .arg(QString::fromStdString(i.colour), QString::fromStdString(i.format));
    } catch (const std::exception& e) {
        r.error = QString::fromStdString(e.what());
    }
    return r;
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("SAM-SP Studio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/samsp-studio.png")));
    m_canvas = new ImageCanvas(this);
    setCentralWidget(m_canvas);

    m_browser = new QListWidget(this);
    m_browser->setObjectName(QStringLiteral("imageBrowser"));
    m_browser->setUniformItemSizes(true); // keeps huge folders fast to list
    auto* dock = new QDockWidget(tr("Images"), this);
    dock->setObjectName(QStringLiteral("imagesDock"));
    dock->setWidget(m_browser);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    connect(m_browser, &QListWidget::currentItemChanged, this, &MainWindow::onBrowserItem);

    m_statusImage = new QLabel(tr("No image"), this);
    m_statusModel = new QLabel(this);
    m_statusZoom = new QLabel(this);
    statusBar()->addWidget(m_statusImage, 1);
    statusBar()->addPermanentWidget(m_statusZoom);
    statusBar()->addPermanentWidget(m_statusModel);
    connect(m_canvas, &ImageCanvas::zoomChanged, this,
            [this](double z) { m_statusZoom->setText(tr("Zoom %1%").arg(qRound(z * 100))); });
    connect(&m_watcher, &QFutureWatcher<LoadedImage>::finished, this, &MainWindow::onLoaded);

    createActions();
    setStatusModel();
    resize(1200, 800);
}

MainWindow::~MainWindow() { m_watcher.waitForFinished(); }

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openImg = file->addAction(tr("&Open Image..."), this, &MainWindow::openImageDialog);
    openImg->setShortcut(QKeySequence::Open);
    QAction* openDir = file->addAction(tr("Open &Folder..."), this, &MainWindow::openFolderDialog);
    openDir->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* fit = view->addAction(tr("&Fit to Window"), m_canvas, &ImageCanvas::fitToWindow);
    fit->setShortcut(QKeySequence(tr("Ctrl+0")));
    QAction* one = view->addAction(tr("&Actual Size"), m_canvas, &ImageCanvas::actualSize);
    one->setShortcut(QKeySequence(tr("Ctrl+1")));
    QAction* zin = view->addAction(tr("Zoom &In"), m_canvas, &ImageCanvas::zoomIn);
    zin->setShortcut(QKeySequence::ZoomIn);
    QAction* zout = view->addAction(tr("Zoom &Out"), m_canvas, &ImageCanvas::zoomOut);
    zout->setShortcut(QKeySequence::ZoomOut);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    QAction* next = go->addAction(tr("&Next Image"), this, &MainWindow::nextImage);
    next->setShortcut(QKeySequence(Qt::Key_N));
    QAction* prev = go->addAction(tr("&Previous Image"), this, &MainWindow::previousImage);
    prev->setShortcut(QKeySequence(Qt::Key_P));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About SAM-SP Studio"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
}

void MainWindow::setStatusModel()
{
    const auto info = model::runtimeInfo();
    QString text = tr("Device: %1").arg(QString::fromStdString(info.device));
    if (info.blas.slowReference) text += QStringLiteral("  ") + tr("(slow reference BLAS: see Help > About)");
    m_statusModel->setText(text);
}

bool MainWindow::openFolder(const QString& folder)
{
    m_browser->clear();
    const auto files = imaging::listImages(folder.toStdString());
    if (files.empty()) {
        m_lastError = tr("'%1' holds no supported images (PNG, JPEG, TIFF, BMP, WebP).").arg(folder);
        statusBar()->showMessage(m_lastError, 8000);
        return false;
    }
    for (const auto& f : files) {
        auto* item = new QListWidgetItem(QString::fromStdString(f.filename().string()), m_browser);
        item->setData(Qt::UserRole, QString::fromStdString(f.string()));
        item->setToolTip(QString::fromStdString(f.string()));
    }
    m_browser->setCurrentRow(0);
    return true;
}

void MainWindow::openImage(const QString& path)
{
    m_currentPath = path;
    m_statusImage->setText(tr("Loading %1 ...").arg(QFileInfo(path).fileName()));
    m_watcher.setFuture(QtConcurrent::run(loadOnWorker, ++m_generation, path));
}

void MainWindow::onBrowserItem(QListWidgetItem* current)
{
    if (current) openImage(current->data(Qt::UserRole).toString());
}

void MainWindow::onLoaded()
{
    const LoadedImage r = m_watcher.result();
    if (r.generation != m_generation) return; // the user already moved on
    if (!r.error.isEmpty()) {
        m_lastError = r.error;
        m_canvas->clear();
        m_statusImage->setText(tr("Cannot open %1").arg(QFileInfo(r.path).fileName()));
        statusBar()->showMessage(r.error, 10000);
        emit imageFailed(r.path, r.error);
        return;
    }
    m_canvas->setImage(r.image);
    m_statusImage->setText(QStringLiteral("%1 — %2").arg(QFileInfo(r.path).fileName(), r.summary));
    setWindowTitle(QStringLiteral("%1 — %2").arg(QFileInfo(r.path).fileName(), tr("SAM-SP Studio")));
    emit imageShown(r.path);
}

void MainWindow::showAbout()
{
    AboutDialog dlg(this);
    dlg.exec();
}

void MainWindow::openFolderDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Folder"));
    if (!dir.isEmpty()) openFolder(dir);
}

void MainWindow::openImageDialog()
{
    const QString f = QFileDialog::getOpenFileName(this, tr("Open Image"), QString(),
                                                   tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)"));
    if (f.isEmpty()) return;
    m_browser->clear();
    auto* item = new QListWidgetItem(QFileInfo(f).fileName(), m_browser);
    item->setData(Qt::UserRole, f);
    m_browser->setCurrentItem(item);
}

void MainWindow::nextImage()
{
    if (m_browser->currentRow() + 1 < m_browser->count()) m_browser->setCurrentRow(m_browser->currentRow() + 1);
}

void MainWindow::previousImage()
{
    if (m_browser->currentRow() > 0) m_browser->setCurrentRow(m_browser->currentRow() - 1);
}

} // namespace samsp::ui
