#include "main_window.h"

#include "about_dialog.h"
#include "image_canvas.h"
#include "pass_viewer.h"
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

    m_passViewer = new PassViewer(this);
    auto* passDock = new QDockWidget(tr("SAM-SP Passes"), this);
    passDock->setObjectName(QStringLiteral("passesDock"));
    passDock->setWidget(m_passViewer);
    addDockWidget(Qt::RightDockWidgetArea, passDock);
    connect(m_passViewer, &PassViewer::passSelected, this, &MainWindow::showPass);
    connect(m_passViewer, &PassViewer::usePass, this, [this](int i) {
        m_usedPass = i;
        statusBar()->showMessage(tr("Pass %1 is now the result.").arg(i), 5000);
    });
    m_statusTimes = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusTimes);

    // The worker owns the model on its own thread; only queued signals cross.
    m_worker = new InferenceWorker;
    m_worker->moveToThread(&m_inferenceThread);
    connect(&m_inferenceThread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &MainWindow::requestModel, m_worker, &InferenceWorker::loadModel);
    connect(this, &MainWindow::requestProposal, m_worker, &InferenceWorker::propose);
    connect(m_worker, &InferenceWorker::modelLoaded, this, &MainWindow::onModelLoaded);
    connect(m_worker, &InferenceWorker::modelFailed, this, &MainWindow::onModelFailed);
    connect(m_worker, &InferenceWorker::proposalReady, this, &MainWindow::onProposal);
    connect(m_worker, &InferenceWorker::proposalFailed, this, &MainWindow::onProposalFailed);
    m_inferenceThread.setObjectName(QStringLiteral("inference"));
    m_inferenceThread.start();

    createActions();
    setStatusModel();
    resize(1280, 820);
}

MainWindow::~MainWindow()
{
    m_watcher.waitForFinished();
    m_inferenceThread.quit();
    m_inferenceThread.wait();
}

void MainWindow::setModel(const QString& path, const QString& device)
{
    m_modelReady = false;
    m_statusModel->setText(tr("Loading model %1 ...").arg(QFileInfo(path).fileName()));
    Q_EMIT requestModel(path, device);
}

void MainWindow::onModelLoaded(const QString& id, const QString& device)
{
    m_modelReady = true;
    m_statusModel->setText(tr("Model: %1 on %2").arg(id, device));
    Q_EMIT modelReady(id);
    if (!m_currentImage.isNull()) proposeCurrent();
}

void MainWindow::onModelFailed(const QString& error)
{
    m_modelReady = false;
    m_lastError = error;
    m_statusModel->setText(tr("No model"));
    QMessageBox::warning(this, tr("Model"), tr("The model could not be loaded:\n%1").arg(error));
    Q_EMIT modelError(error);
}

void MainWindow::proposeCurrent()
{
    if (!m_modelReady || m_currentImage.isNull()) return;
    m_passViewer->clear(tr("Proposing ..."));
    Q_EMIT requestProposal(m_generation, m_currentPath, m_currentImage, m_settings);
}

void MainWindow::onProposal(const Proposal& p)
{
    if (p.generation != m_generation) return; // stale: the user already moved on
    m_proposal = p;
    m_usedPass = p.finalPass;
    m_statusTimes->setText(tr("encode %1 ms, SAM-SP %2 ms").arg(p.encodeMs, 0, 'f', 0).arg(p.decodeMs, 0, 'f', 0));
    m_passViewer->setProposal(p);
    if (!p.found) m_canvas->clearOverlay();
    Q_EMIT proposalShown(p.path);
}

void MainWindow::onProposalFailed(quint64 generation, const QString& error)
{
    if (generation != m_generation) return;
    m_lastError = error;
    m_passViewer->clear(tr("The proposal failed: %1").arg(error));
    statusBar()->showMessage(error, 10000);
}

void MainWindow::showPass(int index)
{
    if (index < 0 || index >= m_proposal.passes.size()) return;
    const PassView& v = m_proposal.passes[index];
    m_canvas->setOverlay(v.mask, v.box, v.points);
}

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

    QAction* overlay = view->addAction(tr("Show &Mask"));
    overlay->setCheckable(true);
    overlay->setChecked(true);
    overlay->setShortcut(QKeySequence(Qt::Key_M));
    connect(overlay, &QAction::toggled, this, [this](bool on) { m_canvas->setOverlayOpacity(on ? 0.45 : 0.0); });

    QMenu* sam = menuBar()->addMenu(tr("&SAM-SP"));
    QAction* again = sam->addAction(tr("&Propose Again"), this, &MainWindow::proposeCurrent);
    again->setShortcut(QKeySequence(tr("Ctrl+R")));
    QAction* nextPass = sam->addAction(tr("N&ext Pass"), this, [this] {
        const int i = m_passViewer->currentPass();
        if (i + 1 < m_passViewer->passCount()) m_passViewer->list()->setCurrentRow(i + 1);
    });
    nextPass->setShortcut(QKeySequence(Qt::Key_BracketRight));
    QAction* prevPass = sam->addAction(tr("Pre&vious Pass"), this, [this] {
        const int i = m_passViewer->currentPass();
        if (i > 0) m_passViewer->list()->setCurrentRow(i - 1);
    });
    prevPass->setShortcut(QKeySequence(Qt::Key_BracketLeft));

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
    m_canvas->clearOverlay();
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
        Q_EMIT imageFailed(r.path, r.error);
        return;
    }
    m_canvas->setImage(r.image);
    m_currentImage = r.image;
    m_proposal = Proposal();
    m_passViewer->clear(m_modelReady ? tr("Proposing ...") : tr("No model loaded."));
    proposeCurrent();
    m_statusImage->setText(QStringLiteral("%1 — %2").arg(QFileInfo(r.path).fileName(), r.summary));
    setWindowTitle(QStringLiteral("%1 — %2").arg(QFileInfo(r.path).fileName(), tr("SAM-SP Studio")));
    Q_EMIT imageShown(r.path);
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
