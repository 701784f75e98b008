#include "main_window.h"
#include "slice_strip.h"
#include "loop_runner.h"
#include "train_dialog.h"
#include <QCheckBox>
#include <QSpinBox>
#include <QMap>
#include <QVBoxLayout>
#include "pipeline/format_registry.h"
#include <QComboBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QLineEdit>
#include <QDialogButtonBox>
#include <QFormLayout>

#include "about_dialog.h"
#include "batch_dialog.h"
#include "image_canvas.h"
#include "mask_editor.h"
#include "model_manager.h"
#include "pass_viewer.h"
#include "qt_convert.h"
#include "settings_dialog.h"

#include "annotation/mask_ops.h"
#include "common/version.h"
#include "formats/atomic_file.h"
#include "imaging/image_io.h"
#include "model/runtime_info.h"
#include "pipeline/items.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QEventLoop>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <opencv2/imgproc.hpp>

#include <unistd.h>

namespace samsp::ui {

namespace fs = std::filesystem;

namespace {
QString summaryOf(const imaging::ImageInfo& i)
{
    return QStringLiteral("%1 x %2, %3-bit %4, %5")
        .arg(i.width)
        .arg(i.height)
        .arg(i.bitDepth)
        .arg(QString::fromStdString(i.colour), QString::fromStdString(i.format));
}

// An image path may carry a frame: "<file>#<frame>".
std::pair<QString, int> splitFrame(const QString& path)
{
    const int hash = path.lastIndexOf(QLatin1Char('#'));
    if (hash > 0) {
        bool ok = false;
        const int f = path.mid(hash + 1).toInt(&ok);
        if (ok) return {path.left(hash), f};
    }
    return {path, 0};
}

LoadedImage loadOnWorker(quint64 generation, QString path)
{
    LoadedImage r;
    r.generation = generation;
    r.path = path;
    try {
        const auto [file, frame] = splitFrame(path);
        auto img = imaging::loadImage(file.toStdString(), frame);
        r.image = rgbToQImage(imaging::toRgb8(img.pixels, img.window, img.invert));
        r.summary = summaryOf(img.info);
    } catch (const std::exception& e) {
        r.error = QString::fromStdString(e.what());
    }
    return r;
}

LoadedImage loadSeriesOnWorker(quint64 generation, QString label, imaging::DicomSeries series)
{
    LoadedImage r;
    r.generation = generation;
    r.path = label;
    try {
        r.document = std::make_shared<imaging::Document>(imaging::Document::openSeries(series));
        r.summary = QObject::tr("%1 slice(s) of %2 x %3, %4")
                        .arg(r.document->frameCount())
                        .arg(r.document->info().width)
                        .arg(r.document->info().height)
                        .arg(QString::fromStdString(series.modality));
    } catch (const std::exception& e) {
        r.error = QString::fromStdString(e.what());
    }
    return r;
}

QImage maskToQImage(const cv::Mat& m)
{
    if (m.empty()) return {};
    QImage q(m.cols, m.rows, QImage::Format_Grayscale8);
    for (int y = 0; y < m.rows; ++y) std::memcpy(q.scanLine(y), m.ptr<uint8_t>(y), static_cast<size_t>(m.cols));
    return q;
}

cv::Mat qimageToMask(const QImage& q)
{
    const QImage g = q.convertToFormat(QImage::Format_Grayscale8);
    cv::Mat m(g.height(), g.width(), CV_8UC1);
    for (int y = 0; y < g.height(); ++y) std::memcpy(m.ptr<uint8_t>(y), g.constScanLine(y), static_cast<size_t>(g.width()));
    return m;
}

QIcon stateIcon(pipeline::ItemState s)
{
    static QIcon icons[4];
    const int i = static_cast<int>(s);
    if (icons[i].isNull()) {
        const QColor c[4] = {QColor(140, 140, 140), QColor(241, 196, 15), QColor(46, 204, 113), QColor(231, 76, 60)};
        QPixmap pm(12, 12);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(c[i]);
        p.setPen(Qt::NoPen);
        p.drawEllipse(1, 1, 10, 10);
        icons[i] = QIcon(pm);
    }
    return icons[i];
}

// An item that could not be read: a warning triangle (drawn, so it looks the same on
// every platform style), distinct from the four state dots.
QIcon unreadableIcon()
{
    static QIcon icon;
    if (icon.isNull()) {
        QPixmap pm(12, 12);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor(192, 57, 43));
        p.setPen(Qt::NoPen);
        p.drawPolygon(QPolygonF({QPointF(6, 0.5), QPointF(11.5, 11), QPointF(0.5, 11)}));
        p.setPen(QPen(Qt::white, 1.6));
        p.drawLine(QPointF(6, 4), QPointF(6, 7.5));
        p.drawPoint(QPointF(6, 9.4));
        icon = QIcon(pm);
    }
    return icon;
}

enum Role
{
    PathRole = Qt::UserRole,
    KeyRole,
    SeriesRole, // index into m_series, -1 for images
    StateRole,  // "new", "proposed", "accepted", "rejected" or "unreadable"
    ErrorRole,  // why the item could not be read (empty when it could)
    BaseTextRole, // a series row's label without its counts
};
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("SAM-SP Studio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/samsp-studio.png")));
    m_canvas = new ImageCanvas(this);
    setCentralWidget(m_canvas);
    m_editor = new MaskEditor(this);
    m_loop = new LoopRunner(this);
    connect(m_loop, &LoopRunner::epoch, this, [this](int e, double loss, double dice) {
        if (m_trainDialog) m_trainDialog->addEpoch(e, loss, dice);
        Q_EMIT trainingEpoch(e, loss, dice);
    });
    connect(m_loop, &LoopRunner::progress, this, [this](const QString& phase, int done, int total, double eta) {
        if (m_trainDialog) m_trainDialog->showProgress(phase, done, total, eta);
    });
    connect(m_loop, &LoopRunner::finished, this, &MainWindow::onRoundFinished);
    connect(m_editor, &MaskEditor::maskChanged, this, [this] {
        refreshOverlay();
        if (!m_editor->edited()) return;
        scheduleAutosave();
        // The Instances panel says "edited" from the first stroke on, not after a re-open.
        if (m_active >= 0 && m_active < static_cast<int>(m_instances.size()) &&
            m_instances[static_cast<size_t>(m_active)].source == annotation::Source::Automatic) {
            m_instances[static_cast<size_t>(m_active)].source = annotation::Source::Edited;
            refreshInstances();
        }
    });

    m_browser = new QListWidget(this);
    m_browser->setObjectName(QStringLiteral("imageBrowser"));
    m_browser->setUniformItemSizes(true); // keeps huge folders fast to list
    auto* dock = new QDockWidget(tr("Images"), this);
    dock->setObjectName(QStringLiteral("imagesDock"));
    {
        // The browser with a legend of its state marks.
        auto* box = new QWidget(dock);
        auto* v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->addWidget(m_browser, 1);
        auto* legend = new QLabel(box);
        legend->setObjectName(QStringLiteral("stateLegend"));
        legend->setWordWrap(true);
        legend->setText(QStringLiteral("<span style='color:#8c8c8c'>&#9679;</span>&nbsp;%1 &nbsp; <span style='color:#f1c40f'>&#9679;</span>&nbsp;%2 "
                                       "&nbsp; <span style='color:#2ecc71'>&#9679;</span>&nbsp;%3 &nbsp; <span style='color:#e74c3c'>&#9679;</span>&nbsp;%4 "
                                       "&nbsp; <span style='color:#c0392b'>&#9650;</span>&nbsp;%5")
                            .arg(tr("new"), tr("proposed"), tr("accepted"), tr("rejected"), tr("unreadable")));
        v->addWidget(legend);
        dock->setWidget(box);
    }
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    connect(m_browser, &QListWidget::currentItemChanged, this, &MainWindow::onBrowserItem);

    m_statusImage = new QLabel(tr("No image"), this);
    m_statusModel = new QLabel(this);
    m_statusZoom = new QLabel(this);
    m_statusCursor = new QLabel(this);
    m_statusCursor->setObjectName(QStringLiteral("cursorReadout"));
    // Nothing in the status bar may squeeze the image's name away: the long model and
    // device text has a width limit (full text in its tooltip).
    m_statusImage->setMinimumWidth(160);
    m_statusModel->setMaximumWidth(420);
    statusBar()->addWidget(m_statusImage, 1);
    statusBar()->addPermanentWidget(m_statusCursor);
    statusBar()->addPermanentWidget(m_statusZoom);
    statusBar()->addPermanentWidget(m_statusModel);
    connect(m_canvas, &ImageCanvas::zoomChanged, this,
            [this](double z) { m_statusZoom->setText(tr("Zoom %1%").arg(qRound(z * 100))); });
    connect(&m_watcher, &QFutureWatcher<LoadedImage>::finished, this, &MainWindow::onLoaded);
    connect(&m_prefetchWatcher, &QFutureWatcher<LoadedImage>::finished, this, [this] {
        const LoadedImage r = m_prefetchWatcher.result();
        if (!r.error.isEmpty() || r.image.isNull() || !m_modelReady) return;
        const auto [file, frame] = splitFrame(r.path);
        const QFileInfo fi(file);
        const QString key = QStringLiteral("%1|%2|%3|%4").arg(keyFor(file.toStdString(), frame), QString::number(fi.size()),
                                                             QString::number(fi.lastModified().toMSecsSinceEpoch()), r.path);
        Q_EMIT requestPrefetch(key, r.image);
    });

    m_passViewer = new PassViewer(this);
    auto* passDock = new QDockWidget(tr("SAM-SP Passes"), this);
    passDock->setObjectName(QStringLiteral("passesDock"));
    passDock->setWidget(m_passViewer);
    addDockWidget(Qt::RightDockWidgetArea, passDock);
    connect(m_passViewer, &PassViewer::passSelected, this, &MainWindow::showPass);
    connect(m_passViewer, &PassViewer::usePass, this, [this](int i) {
        if (i < 0 || i >= m_proposal.passes.size()) return;
        m_usedPass = i;
        ensureActive();
        if (m_active >= 0) {
            m_instances[static_cast<size_t>(m_active)].pass = i;
            m_instances[static_cast<size_t>(m_active)].score = m_proposal.passes[i].predictedIou;
        }
        m_editor->apply(qimageToMask(m_proposal.passes[i].mask), tr("Use pass %1").arg(i));
        refreshOverlay();
        statusBar()->showMessage(tr("Pass %1 is now the result.").arg(i), 5000);
    });

    auto listDock = [this](const QString& title, const QString& name) {
        auto* list = new QListWidget(this);
        list->setObjectName(name + QStringLiteral("List"));
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name + QStringLiteral("Dock"));
        d->setWidget(list);
        addDockWidget(Qt::RightDockWidgetArea, d);
        return list;
    };
    m_labels = listDock(tr("Labels"), QStringLiteral("labels"));
    connect(m_labels, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < static_cast<int>(m_project.labels.classes.size()))
            setCurrentLabel(m_project.labels.classes[static_cast<size_t>(row)].id);
    });

    m_instanceList = listDock(tr("Instances"), QStringLiteral("instances"));
    connect(m_instanceList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_active) switchInstance(row);
    });

    m_statusTimes = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusTimes);

    // Volumes: slice slider under the canvas.
    m_volumeBar = new QToolBar(tr("Slices"), this);
    m_volumeBar->setObjectName(QStringLiteral("volumeBar"));
    m_slice = new QSlider(Qt::Horizontal, this);
    m_slice->setObjectName(QStringLiteral("sliceSlider"));
    m_sliceLabel = new QLabel(this);
    m_volumeBar->addWidget(new QLabel(tr("Slice"), this));
    {
        // The slider with the per-slice state strip under it.
        auto* box = new QWidget(this);
        auto* v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(1);
        v->addWidget(m_slice);
        m_sliceStrip = new SliceStrip(box);
        v->addWidget(m_sliceStrip);
        m_volumeBar->addWidget(box);
    }
    m_volumeBar->addWidget(m_sliceLabel);
    addToolBar(Qt::BottomToolBarArea, m_volumeBar);
    m_volumeBar->setVisible(false);
    connect(m_slice, &QSlider::valueChanged, this, [this](int k) {
        if (m_document && k != m_sliceIndex) showSlice(k, true);
    });
    connect(m_canvas, &ImageCanvas::sliceStep, this, [this](int d) { m_slice->setValue(m_slice->value() + d); });
    // The display window is free: it changes what the user sees, never what the model
    // sees (that is m_modelWindow, fixed while proposing).
    connect(m_canvas, &ImageCanvas::windowDrag, this, [this](double dy, double dx) {
        if (!m_document) return;
        const double scale = std::max(1.0, m_window.width / 256.0);
        m_window.center -= dy * scale;
        m_window.width = std::max(1.0, m_window.width + dx * scale);
        showSlice(m_sliceIndex, false);
    });
    connect(m_canvas, &ImageCanvas::cursorMoved, this, [this](const QPointF& p) {
        m_cursor = p;
        m_statusCursor->setText(cursorReadout());
    });

    // Interactive tools.
    connect(m_canvas, &ImageCanvas::pointClicked, this, [this](const QPointF& p, int label) {
        m_points.push_back(p);
        m_pointLabels.push_back(label);
        requestRefinement();
    });
    connect(m_canvas, &ImageCanvas::boxDrawn, this, [this](const QRectF& r) {
        m_box = r;
        requestRefinement();
    });
    connect(m_canvas, &ImageCanvas::strokeStarted, this, [this] {
        ensureActive();
        if (m_editor->isEmpty() && !m_currentImage.isNull())
            m_editor->reset(cv::Mat::zeros(m_currentImage.height(), m_currentImage.width(), CV_8UC1));
        m_editor->beginStroke();
    });
    connect(m_canvas, &ImageCanvas::strokeSegment, this, [this](const QPointF& a, const QPointF& b, bool erase) {
        m_editor->strokeSegment(cv::Point(qRound(a.x()), qRound(a.y())), cv::Point(qRound(b.x()), qRound(b.y())),
                                m_canvas->brushRadius(), erase);
    });
    connect(m_canvas, &ImageCanvas::strokeFinished, this,
            [this](bool erase) { m_editor->endStroke(erase ? tr("Eraser stroke") : tr("Brush stroke")); });
    connect(m_canvas, &ImageCanvas::polygonFinished, this, [this](const QPolygonF& poly) {
        if (m_currentImage.isNull()) return;
        ensureActive();
        cv::Mat m = m_editor->isEmpty() ? cv::Mat::zeros(m_currentImage.height(), m_currentImage.width(), CV_8UC1)
                                        : m_editor->mask().clone();
        std::vector<cv::Point> pts;
        for (const auto& p : poly) pts.emplace_back(qRound(p.x()), qRound(p.y()));
        cv::fillPoly(m, std::vector<std::vector<cv::Point>>{pts}, cv::Scalar(255));
        m_editor->apply(m, tr("Polygon"));
    });

    // The worker owns the model on its own thread; only queued signals cross.
    m_worker = new InferenceWorker;
    m_worker->setLatestGeneration(m_latest);
    m_worker->setDiskCache(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/embeddings"));
    m_worker->moveToThread(&m_inferenceThread);
    connect(&m_inferenceThread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &MainWindow::requestModel, m_worker, &InferenceWorker::loadModel);
    connect(this, &MainWindow::requestProposal, m_worker, &InferenceWorker::propose);
    connect(this, &MainWindow::requestDecode, m_worker, &InferenceWorker::decode);
    connect(this, &MainWindow::requestPrefetch, m_worker, &InferenceWorker::prefetch);
    connect(m_worker, &InferenceWorker::modelLoaded, this, &MainWindow::onModelLoaded);
    connect(m_worker, &InferenceWorker::modelFailed, this, &MainWindow::onModelFailed);
    connect(m_worker, &InferenceWorker::proposalReady, this, &MainWindow::onProposal);
    connect(m_worker, &InferenceWorker::proposalFailed, this, &MainWindow::onProposalFailed);
    connect(m_worker, &InferenceWorker::decodeReady, this, &MainWindow::onDecoded);
    m_inferenceThread.setObjectName(QStringLiteral("inference"));
    m_inferenceThread.start();

    m_autosave.setSingleShot(true);
    m_autosave.setInterval(15000);
    connect(&m_autosave, &QTimer::timeout, this, [this] { saveNow(); });

    // Settings that persist.
    QSettings st;
    m_settings.passes = st.value(QStringLiteral("samsp/passes"), m_settings.passes).toInt();
    m_settings.box = st.value(QStringLiteral("samsp/box"), m_settings.box).toBool();
    m_settings.mask = st.value(QStringLiteral("samsp/mask"), m_settings.mask).toBool();
    m_settings.point = st.value(QStringLiteral("samsp/point"), m_settings.point).toBool();
    m_settings.earlyStopIou = st.value(QStringLiteral("samsp/earlyStopIou"), m_settings.earlyStopIou).toDouble();

    createActions();
    setStatusModel();
    m_project.labels = annotation::LabelSet::defaults();
    populateLabels();
    resize(1320, 840);
    setMinimumSize(760, 520); // below this the docks would cover the canvas
}

MainWindow::~MainWindow()
{
    m_watcher.waitForFinished();
    m_prefetchWatcher.waitForFinished();
    m_inferenceThread.quit();
    m_inferenceThread.wait();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!saveNow() && !m_projectPath.empty()) {
        const auto answer = QMessageBox::warning(this, tr("Save"), tr("The annotations could not be saved:\n%1\n\nClose anyway?").arg(m_lastError),
                                                 QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

// ---- model ------------------------------------------------------------------

void MainWindow::setModel(const QString& path, const QString& device)
{
    m_modelReady = false;
    m_modelPath = path;
    m_statusModel->setText(tr("Loading model %1 ...").arg(QFileInfo(path).fileName()));
    Q_EMIT requestModel(path, device, QSettings().value(QStringLiteral("model/precision"), QStringLiteral("auto")).toString());
}

void MainWindow::onModelLoaded(const QString& id, int gpu, int threads, const QString& precision)
{
    const QString device = gpu >= 0 ? tr("GPU %1, %2").arg(gpu).arg(precision) : tr("CPU, %n thread(s), %1", nullptr, threads).arg(precision);
    m_modelReady = true;
    m_modelId = id;
    m_project.model.modelId = id.toStdString();
    // Elided to the label's width limit (the whole text in the tooltip), never cut mid-word.
    const QString full = tr("Model: %1 [%2] on %3").arg(QFileInfo(m_modelPath).fileName(), id.left(8), device);
    m_statusModel->setText(m_statusModel->fontMetrics().elidedText(full, Qt::ElideMiddle, m_statusModel->maximumWidth() - 8));
    m_statusModel->setToolTip(QStringLiteral("%1\n%2\n%3").arg(full, m_modelPath, id));
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
    // The embedding cache key names the content: the file (path, size, time) and, for
    // volumes, the model's input window (not the display window).
    const QFileInfo fi(splitFrame(m_currentPath).first);
    QString key = QStringLiteral("%1|%2|%3|%4").arg(m_currentKey, QString::number(fi.size()),
                                                   QString::number(fi.lastModified().toMSecsSinceEpoch()), m_currentPath);
    QImage input = m_currentImage;
    if (m_document && m_sliceIndex >= 0) {
        key = m_currentKey + QStringLiteral("|W%1/%2|%3").arg(m_modelWindow.center).arg(m_modelWindow.width).arg(QString::fromStdString(m_root.string()));
        input = rgbToQImage(imaging::toRgb8(m_document->pixels(m_sliceIndex), m_modelWindow, m_document->invert));
    }
    Q_EMIT requestProposal(m_generation, m_currentPath, key, input, m_settings);
}

void MainWindow::onProposal(const Proposal& p)
{
    if (p.generation != m_generation) return; // stale: the user already moved on
    m_proposal = p;
    m_usedPass = p.finalPass;
    m_statusTimes->setText(p.embeddingCached ? tr("encode: precomputed, SAM-SP %1 ms").arg(p.decodeMs, 0, 'f', 0)
                                             : tr("encode %1 ms, SAM-SP %2 ms").arg(p.encodeMs, 0, 'f', 0).arg(p.decodeMs, 0, 'f', 0));
    // A saved annotation wins over a new proposal: the person's work is never replaced.
    const auto* item = m_project.find(m_currentKey.toStdString());
    const bool saved = item && item->state != pipeline::ItemState::New;
    if (!saved && m_editor->undoStack()->count() == 0 && m_instances.size() <= 1) {
        const cv::Mat mask = p.found ? qimageToMask(p.passes[p.finalPass].mask) : cv::Mat();
        m_instances.clear();
        m_active = -1;
        if (p.found) {
            annotation::Instance in;
            in.id = 1;
            in.labelId = m_currentLabel;
            in.mask = annotation::rleEncode(mask);
            in.source = annotation::Source::Automatic;
            in.score = p.passes[p.finalPass].predictedIou;
            in.traceId = m_currentKey.toStdString() + "@" + m_modelId.toStdString();
            in.pass = p.finalPass;
            m_instances.push_back(in);
            m_active = 0;
        }
        m_editor->reset(mask);
        refreshInstances();
        if (item) {
            auto* it = m_project.find(m_currentKey.toStdString());
            it->state = pipeline::ItemState::Proposed;
            commitCurrent();
            updateBrowserState(browserItemFor(m_currentKey));
        }
    }
    m_passViewer->setProposal(p); // selects the final pass
    refreshVolumeState();
    refreshOverlay();
    if (!p.found && m_editor->isEmpty()) m_canvas->clearOverlay();
    Q_EMIT proposalShown(p.path);
    prefetchNext();
    if (!m_rangeQueue.isEmpty()) {
        m_rangeQueue.pop_front();
        ++m_rangeDone;
        if (!p.found) ++m_rangeNoObject;
        saveNow();
        if (m_rangeQueue.isEmpty()) {
            finishSliceRange(false);
            Q_EMIT sliceRangeDone(m_rangeTotal);
        }
        else {
            statusBar()->showMessage(tr("Proposing slice %1 (%2 left) ...").arg(m_rangeQueue.front() + 1).arg(m_rangeQueue.size()));
            QTimer::singleShot(0, this, [this] {
                if (!m_rangeQueue.isEmpty()) showSlice(m_rangeQueue.front(), true);
            });
        }
    }
}

void MainWindow::proposeSliceRange(int first, int last, bool skipProposed)
{
    if (!m_document || !m_modelReady) return;
    first = std::clamp(first, 0, m_document->frameCount() - 1);
    last = std::clamp(last, first, m_document->frameCount() - 1);
    m_rangeQueue.clear();
    m_rangeFirst = first, m_rangeLast = last;
    m_rangeDone = m_rangeNoObject = m_rangeSkipped = 0;
    for (int k = first; k <= last; ++k) {
        const auto* item = m_project.find(keyFor(m_document->frameFile(k), m_document->frameIndexInFile(k)).toStdString());
        // Reviewed slices (accepted, rejected, or edited by a person) are never proposed over;
        // proposed ones only when asked.
        const bool reviewed = item && (item->state == pipeline::ItemState::Accepted || item->state == pipeline::ItemState::Rejected ||
                                       pipeline::touchedByAPerson(*item));
        const bool proposed = item && item->state == pipeline::ItemState::Proposed;
        if (reviewed || (proposed && skipProposed))
            ++m_rangeSkipped;
        else
            m_rangeQueue.push_back(k);
    }
    m_rangeTotal = static_cast<int>(m_rangeQueue.size());
    if (!m_rangeQueue.isEmpty() && !skipProposed) {
        // Proposed again: drop their automatic proposals first, so the new one replaces them.
        for (int k : m_rangeQueue)
            if (auto* item = m_project.find(keyFor(m_document->frameFile(k), m_document->frameIndexInFile(k)).toStdString())) {
                item->annotation.instances.clear();
                item->state = pipeline::ItemState::New;
            }
        if (m_rangeQueue.contains(m_sliceIndex)) loadInstances({});
    }
    if (!m_rangeQueue.isEmpty() && m_rangeQueue.front() == m_sliceIndex && m_proposal.generation == m_generation &&
        !m_proposal.passes.isEmpty() && skipProposed) {
        m_rangeQueue.pop_front(); // the current slice is proposed already
        ++m_rangeDone;
        if (!m_proposal.found) ++m_rangeNoObject;
    }
    if (m_rangeQueue.isEmpty()) {
        finishSliceRange(false);
        Q_EMIT sliceRangeDone(m_rangeTotal);
        return;
    }
    statusBar()->showMessage(tr("Proposing slice %1 (%2 left) ...").arg(m_rangeQueue.front() + 1).arg(m_rangeQueue.size()));
    showSlice(m_rangeQueue.front(), true);
}

void MainWindow::finishSliceRange(bool stopped)
{
    // Every slice of the range is accounted for.
    const int asked = m_rangeLast - m_rangeFirst + 1;
    m_lastRangeSummary = tr("Slices %1–%2 (%n slice(s)):", nullptr, asked).arg(m_rangeFirst + 1).arg(m_rangeLast + 1) + QLatin1Char(' ') +
                         tr("%n proposed", nullptr, m_rangeDone) + QStringLiteral(", ") +
                         tr("%n of them with no object found", nullptr, m_rangeNoObject) + QStringLiteral(", ") +
                         tr("%n skipped (already proposed or reviewed)", nullptr, m_rangeSkipped);
    if (stopped) m_lastRangeSummary += QStringLiteral(", ") + tr("%n not proposed (stopped)", nullptr, asked - m_rangeDone - m_rangeSkipped);
    m_lastRangeSummary += QLatin1Char('.');
    statusBar()->showMessage(m_lastRangeSummary, 15000);
}

void MainWindow::proposeSliceRangeDialog()
{
    if (!m_document) return;
    if (!m_modelReady) {
        statusBar()->showMessage(tr("Wait for the model to load."), 5000);
        return;
    }
    const int n = m_document->frameCount();
    // The object's extent: the slices that have a mask.
    int lo = -1, hi = -1;
    for (int k = 0; k < n; ++k) {
        const auto* item = m_project.find(keyFor(m_document->frameFile(k), m_document->frameIndexInFile(k)).toStdString());
        if (item && !item->annotation.instances.empty()) lo = lo < 0 ? k : lo, hi = k;
    }
    QDialog dlg(this);
    dlg.setObjectName(QStringLiteral("proposeSlicesDialog"));
    dlg.setWindowTitle(tr("Propose Slices"));
    auto* from = new QSpinBox(&dlg);
    from->setObjectName(QStringLiteral("fromSlice"));
    auto* to = new QSpinBox(&dlg);
    to->setObjectName(QStringLiteral("toSlice"));
    from->setRange(1, n), to->setRange(1, n);
    from->setValue(1), to->setValue(n);
    connect(from, &QSpinBox::valueChanged, to, [to](int v) { to->setMinimum(v); });
    auto* presets = new QHBoxLayout;
    auto preset = [&](const QString& text, const QString& name, int a, int b) {
        auto* button = new QPushButton(text, &dlg);
        button->setObjectName(name);
        button->setEnabled(a >= 0);
        connect(button, &QPushButton::clicked, &dlg, [from, to, a, b] { from->setValue(a + 1), to->setValue(b + 1); });
        presets->addWidget(button);
    };
    preset(tr("Current slice (%1)").arg(m_sliceIndex + 1), QStringLiteral("presetCurrent"), m_sliceIndex, m_sliceIndex);
    preset(lo >= 0 ? tr("Object's extent (%1–%2)").arg(lo + 1).arg(hi + 1) : tr("Object's extent (no mask yet)"), QStringLiteral("presetExtent"),
           lo, hi);
    preset(tr("Whole series (1–%1)").arg(n), QStringLiteral("presetAll"), 0, n - 1);
    auto* skip = new QCheckBox(tr("Skip slices already proposed (reviewed slices are always kept)"), &dlg);
    skip->setObjectName(QStringLiteral("skipProposed"));
    skip->setChecked(true);
    auto* form = new QFormLayout;
    auto* range = new QHBoxLayout;
    range->addWidget(from);
    range->addWidget(new QLabel(tr("to"), &dlg));
    range->addWidget(to);
    form->addRow(tr("Slices:"), range);
    form->addRow(tr("Presets:"), presets);
    form->addRow(QString(), skip);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dlg);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Propose"));
    connect(buttons, &QDialogButtonBox::accepted, &dlg, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dlg, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dlg);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Esc stops after the current slice; what is proposed so far is kept."), &dlg));
    layout->addWidget(buttons);
    if (m_dialogHook) m_dialogHook(&dlg);
    if (dlg.exec() == QDialog::Accepted) proposeSliceRange(from->value() - 1, to->value() - 1, skip->isChecked());
}

void MainWindow::onProposalFailed(quint64 generation, const QString& error)
{
    if (generation != m_generation) return;
    m_lastError = error;
    m_passViewer->clear(tr("The proposal failed: %1").arg(error));
    statusBar()->showMessage(error, 10000);
}

void MainWindow::prefetchNext()
{
    // Encode the next image while the user works on this one.
    const int row = m_browser->currentRow();
    if (row < 0 || row + 1 >= m_browser->count() || m_document) return;
    QListWidgetItem* next = m_browser->item(row + 1);
    if (next->data(SeriesRole).toInt() >= 0) return;
    if (m_prefetchWatcher.isRunning()) return;
    m_prefetchWatcher.setFuture(QtConcurrent::run(loadOnWorker, 0, next->data(PathRole).toString()));
}

void MainWindow::showPass(int index)
{
    if (index < 0 || index >= m_proposal.passes.size()) return;
    const PassView& v = m_proposal.passes[index];
    // The result (what is saved) is the editor's mask; another pass is a preview.
    if (index == m_usedPass && !m_editor->isEmpty()) {
        refreshOverlay();
        return;
    }
    m_canvas->setOverlay(v.mask, v.box, v.points, labelColour(m_currentLabel));
}

void MainWindow::refreshOverlay()
{
    if (m_currentImage.isNull()) return;
    if (m_editor->isEmpty()) {
        m_canvas->clearOverlay();
        return;
    }
    // Prompts shown: the user's own, else those of the pass that made the mask.
    std::optional<QRectF> box = m_box;
    QVector<QPointF> points = m_points;
    QVector<int> labels = m_pointLabels;
    if (!box && points.isEmpty() && m_usedPass >= 0 && m_usedPass < m_proposal.passes.size() && !m_editor->edited()) {
        box = m_proposal.passes[m_usedPass].box;
        points = m_proposal.passes[m_usedPass].points;
        labels.clear();
    }
    m_canvas->setOverlay(maskToQImage(m_editor->mask()), box, points, instanceColour(m_active), labels);
    if (m_instances.size() > 1) {
        // The other instances, filled in their label colours under the active one.
        QImage others(m_currentImage.size(), QImage::Format_ARGB32_Premultiplied);
        others.fill(Qt::transparent);
        for (int k = 0; k < static_cast<int>(m_instances.size()); ++k) {
            if (k == m_active) continue;
            const auto& in = m_instances[static_cast<size_t>(k)];
            if (in.mask.width != others.width() || in.mask.height != others.height()) continue;
            const cv::Mat m = annotation::rleDecodeMat(in.mask);
            const QColor c = instanceColour(k);
            // Filled, with an opaque outline so touching or overlapping instances stay apart.
            const QRgb fill = qPremultiply(qRgba(c.red(), c.green(), c.blue(), 170));
            const QColor d = c.darker(170);
            const QRgb edge = qRgba(d.red(), d.green(), d.blue(), 255);
            for (int y = 0; y < m.rows; ++y) {
                const uchar* mp = m.ptr<uchar>(y);
                const uchar* up = y > 0 ? m.ptr<uchar>(y - 1) : nullptr;
                const uchar* dn = y + 1 < m.rows ? m.ptr<uchar>(y + 1) : nullptr;
                auto* out = reinterpret_cast<QRgb*>(others.scanLine(y));
                for (int x = 0; x < m.cols; ++x) {
                    if (!mp[x]) continue;
                    const bool border = !up || !dn || x == 0 || x + 1 == m.cols || !up[x] || !dn[x] || !mp[x - 1] || !mp[x + 1];
                    out[x] = border ? edge : fill;
                }
            }
        }
        m_canvas->setOtherInstances(others);
    }
}

void MainWindow::requestRefinement()
{
    if (!m_modelReady || m_proposal.generation != m_generation || m_proposal.passes.isEmpty()) {
        statusBar()->showMessage(tr("Points and boxes need the image's embedding: wait for the proposal."), 5000);
        return;
    }
    DecodeRequest r;
    r.generation = m_generation;
    r.points = m_points;
    r.labels = m_pointLabels;
    r.box = m_box;
    // Without a box of their own, the user's points refine SAM-SP's result (its box and
    // logits) when the proposal's instance is the one being edited; a new instance starts clean.
    ensureActive();
    const bool onProposal = m_active >= 0 && !m_instances[static_cast<size_t>(m_active)].traceId.empty();
    if (onProposal && !m_box && m_usedPass >= 0 && m_usedPass < m_proposal.passes.size()) r.box = m_proposal.passes[m_usedPass].box;
    r.useProposalMask = onProposal && !m_box && m_proposal.found;
    r.clipToBox = m_box.has_value();
    Q_EMIT requestDecode(r);
}

void MainWindow::onDecoded(const DecodeResult& r)
{
    if (r.generation != m_generation) return;
    m_editor->apply(qimageToMask(r.mask), tr("Refine with prompts"));
    m_statusTimes->setText(tr("decode %1 ms, predicted IoU %2")
                               .arg(r.ms, 0, 'f', 0)
                               .arg(r.predictedIou ? QString::number(*r.predictedIou, 'f', 3) : tr("not calibrated")));
    refreshOverlay();
    Q_EMIT maskRefined(r.ms);
}

void MainWindow::clearPrompts()
{
    m_points.clear();
    m_pointLabels.clear();
    m_box.reset();
    refreshOverlay();
}

// ---- annotation state ----------------------------------------------------------

QString MainWindow::keyFor(const fs::path& file, int frame) const
{
    fs::path rel = m_root.empty() ? file.filename() : file.lexically_normal().lexically_relative(m_root);
    if (rel.empty() || rel.string().rfind("..", 0) == 0) rel = file;
    QString k = QString::fromStdString(rel.generic_string());
    if (frame > 0) k += QStringLiteral("#%1").arg(frame);
    return k;
}

void MainWindow::syncActive()
{
    if (m_active < 0 || m_active >= static_cast<int>(m_instances.size()) || m_currentImage.isNull()) return;
    auto& in = m_instances[static_cast<size_t>(m_active)];
    const cv::Mat m = m_editor->isEmpty() ? cv::Mat::zeros(m_currentImage.height(), m_currentImage.width(), CV_8UC1) : m_editor->mask();
    annotation::Rle rle = annotation::rleEncode(m);
    if (rle.counts == in.mask.counts && rle.height == in.mask.height) return;
    in.mask = std::move(rle);
    if (m_editor->edited() && in.source == annotation::Source::Automatic) in.source = annotation::Source::Edited;
}

void MainWindow::ensureActive()
{
    if (m_active >= 0 || m_currentImage.isNull()) return;
    annotation::Instance in;
    in.id = 1;
    for (const auto& x : m_instances) in.id = std::max(in.id, x.id + 1);
    in.labelId = m_currentLabel;
    in.source = annotation::Source::Manual;
    in.score = 1.0;
    in.mask = annotation::rleEncode(cv::Mat::zeros(m_currentImage.height(), m_currentImage.width(), CV_8UC1));
    m_instances.push_back(in);
    m_active = static_cast<int>(m_instances.size()) - 1;
    refreshInstances();
}

void MainWindow::loadInstances(const annotation::ImageAnnotation& a)
{
    m_instances = a.instances;
    m_active = m_instances.empty() ? -1 : 0;
    if (m_active >= 0) {
        m_editor->reset(annotation::rleDecodeMat(m_instances.front().mask));
        if (m_project.labels.find(m_instances.front().labelId)) setCurrentLabel(m_instances.front().labelId);
        m_usedPass = m_instances.front().pass;
    }
    else
        m_editor->reset(cv::Mat());
    refreshInstances();
}

void MainWindow::switchInstance(int k)
{
    if (k < 0 || k >= static_cast<int>(m_instances.size())) return;
    syncActive();
    m_active = k;
    clearPrompts();
    m_editor->reset(annotation::rleDecodeMat(m_instances[static_cast<size_t>(k)].mask));
    if (m_project.labels.find(m_instances[static_cast<size_t>(k)].labelId)) {
        m_currentLabel = m_instances[static_cast<size_t>(k)].labelId;
        for (int r = 0; r < m_labels->count(); ++r)
            if (m_project.labels.classes[static_cast<size_t>(r)].id == m_currentLabel) {
                m_labels->blockSignals(true);
                m_labels->setCurrentRow(r);
                m_labels->blockSignals(false);
            }
    }
    refreshInstances();
    refreshOverlay();
}

void MainWindow::newInstance()
{
    if (m_currentImage.isNull()) return;
    syncActive();
    m_active = -1;
    clearPrompts();
    ensureActive();
    m_editor->reset(cv::Mat::zeros(m_currentImage.height(), m_currentImage.width(), CV_8UC1));
    refreshOverlay();
    statusBar()->showMessage(tr("New instance: draw it, or click points / drag a box."), 5000);
}

void MainWindow::deleteInstance()
{
    if (m_active < 0) return;
    m_instances.erase(m_instances.begin() + m_active);
    m_active = m_instances.empty() ? -1 : std::max(0, m_active - 1);
    clearPrompts();
    m_editor->reset(m_active >= 0 ? annotation::rleDecodeMat(m_instances[static_cast<size_t>(m_active)].mask) : cv::Mat());
    refreshInstances();
    refreshOverlay();
    scheduleAutosave();
}

void MainWindow::refreshInstances()
{
    m_instanceList->blockSignals(true);
    m_instanceList->clear();
    const QString sources[3] = {tr("automatic"), tr("edited"), tr("manual")};
    for (int k = 0; k < static_cast<int>(m_instances.size()); ++k) {
        const auto& in = m_instances[static_cast<size_t>(k)];
        const auto* c = m_project.labels.find(in.labelId);
        QPixmap pm(12, 12);
        pm.fill(instanceColour(k));
        m_instanceList->addItem(new QListWidgetItem(QIcon(pm), QStringLiteral("#%1 %2 — %3")
                                                                   .arg(in.id)
                                                                   .arg(c ? QString::fromStdString(c->name) : QString::number(in.labelId))
                                                                   .arg(sources[static_cast<int>(in.source)])));
    }
    if (m_active >= 0) m_instanceList->setCurrentRow(m_active);
    m_instanceList->blockSignals(false);
}

void MainWindow::commitCurrent()
{
    if (m_currentKey.isEmpty() || m_currentImage.isNull()) return;
    auto* item = m_project.find(m_currentKey.toStdString());
    if (!item) return;
    syncActive();
    if (item->state == pipeline::ItemState::New && m_instances.empty()) return;
    annotation::ImageAnnotation a;
    a.image = item->key;
    a.frame = item->frame;
    a.width = m_currentImage.width();
    a.height = m_currentImage.height();
    for (const auto& in : m_instances)
        if (in.mask.width == a.width && in.mask.height == a.height && annotation::rleArea(in.mask) > 0) a.instances.push_back(in);
    if (item->state == pipeline::ItemState::New) item->state = pipeline::ItemState::Proposed;
    if (item->annotation.instances.size() != a.instances.size() || item->annotation.width != a.width) m_dirty = true;
    for (size_t k = 0; k < a.instances.size() && !m_dirty; ++k)
        m_dirty = item->annotation.instances[k].mask.counts != a.instances[k].mask.counts ||
                  item->annotation.instances[k].labelId != a.instances[k].labelId;
    item->annotation = std::move(a);
}

bool MainWindow::saveNow()
{
    commitCurrent();
    m_autosave.stop();
    if (m_projectPath.empty()) return false;
    try {
        formats::ensureFolder(m_projectPath.parent_path());
        m_project.save(m_projectPath);
        m_dirty = false;
        Q_EMIT saved(projectPath());
        return true;
    } catch (const std::exception& e) {
        m_lastError = QString::fromStdString(e.what());
        statusBar()->showMessage(tr("Autosave failed: %1").arg(m_lastError), 15000);
        return false;
    }
}

void MainWindow::scheduleAutosave()
{
    m_dirty = true;
    m_autosave.start();
}

void MainWindow::acceptCurrent()
{
    if (m_canvas->hasPendingPolygon()) return;
    auto* item = m_project.find(m_currentKey.toStdString());
    if (!item) return;
    commitCurrent();
    item->state = pipeline::ItemState::Accepted;
    updateBrowserState(browserItemFor(m_currentKey));
    refreshVolumeState();
    saveNow();
    statusBar()->showMessage(tr("Accepted %1.").arg(m_currentKey), 4000);
    if (m_document && m_sliceIndex + 1 < m_document->frameCount())
        m_slice->setValue(m_sliceIndex + 1);
    else
        nextImage();
}

void MainWindow::rejectCurrent()
{
    if (!m_rangeQueue.isEmpty()) { // Esc stops a range of proposals after the current slice
        const int left = static_cast<int>(m_rangeQueue.size());
        m_rangeQueue.clear();
        m_rangeDone += 1; // the slice in progress completes
        finishSliceRange(true);
        Q_EMIT sliceRangeDone(m_rangeTotal - left + 1);
        return;
    }
    if (m_canvas->hasPendingPolygon()) {
        m_canvas->cancelPolygon();
        return;
    }
    auto* item = m_project.find(m_currentKey.toStdString());
    if (!item) return;
    commitCurrent();
    item->state = pipeline::ItemState::Rejected;
    updateBrowserState(browserItemFor(m_currentKey));
    saveNow();
    statusBar()->showMessage(tr("Rejected %1.").arg(m_currentKey), 4000);
    if (m_document && m_sliceIndex + 1 < m_document->frameCount())
        m_slice->setValue(m_sliceIndex + 1);
    else
        nextImage();
}

void MainWindow::applyMaskOp(const QString& name)
{
    if (m_editor->isEmpty()) return;
    cv::Mat m;
    if (name == QLatin1String("fill")) m = annotation::fillHoles(m_editor->mask());
    else if (name == QLatin1String("islands")) m = annotation::largestComponent(m_editor->mask());
    else if (name == QLatin1String("clean")) m = annotation::morphologicalCleanup(m_editor->mask(), 2);
    else if (name == QLatin1String("clear")) m = cv::Mat::zeros(m_editor->mask().size(), CV_8UC1);
    else return;
    m_editor->apply(m, name == QLatin1String("fill") ? tr("Fill holes")
                       : name == QLatin1String("islands") ? tr("Remove islands")
                       : name == QLatin1String("clean") ? tr("Clean up")
                                                        : tr("Clear mask"));
}

QColor MainWindow::instanceColour(int k) const
{
    if (k < 0 || k >= static_cast<int>(m_instances.size())) return labelColour(m_currentLabel);
    const int label = m_instances[static_cast<size_t>(k)].labelId;
    int rank = 0; // earlier instances of the same label
    for (int j = 0; j < k; ++j) rank += m_instances[static_cast<size_t>(j)].labelId == label ? 1 : 0;
    QColor c = labelColour(label);
    if (rank == 0) return c;
    const int h = c.hsvHue() < 0 ? 0 : c.hsvHue();
    c.setHsv((h + 47 * rank) % 360, std::max(c.hsvSaturation(), 140), std::max(c.value(), 160));
    return c;
}

QColor MainWindow::labelColour(int labelId) const
{
    if (const auto* c = m_project.labels.find(labelId)) return QColor(c->color[0], c->color[1], c->color[2]);
    return QColor(46, 204, 113);
}

void MainWindow::setCurrentLabel(int labelId)
{
    if (!m_project.labels.find(labelId)) return;
    m_currentLabel = labelId;
    if (m_active >= 0) m_instances[static_cast<size_t>(m_active)].labelId = labelId;
    refreshInstances();
    for (int r = 0; r < m_labels->count(); ++r)
        if (m_project.labels.classes[static_cast<size_t>(r)].id == labelId && m_labels->currentRow() != r) m_labels->setCurrentRow(r);
    refreshOverlay();
    scheduleAutosave();
}

// ---- browser ------------------------------------------------------------------

QListWidgetItem* MainWindow::browserItemFor(const QString& key) const
{
    for (int r = 0; r < m_browser->count(); ++r) {
        QListWidgetItem* it = m_browser->item(r);
        if (it->data(KeyRole).toString() == key) return it;
        if (it->data(SeriesRole).toInt() >= 0 && key.startsWith(it->data(KeyRole).toString())) return it;
    }
    return nullptr;
}

void MainWindow::updateBrowserState(QListWidgetItem* it)
{
    if (!it) return;
    if (const QString why = it->data(ErrorRole).toString(); !why.isEmpty()) {
        it->setIcon(unreadableIcon());
        it->setData(StateRole, QStringLiteral("unreadable"));
        it->setToolTip(tr("%1 — cannot be read: %2").arg(it->data(PathRole).toString(), why));
        return;
    }
    pipeline::ItemState s = pipeline::ItemState::New;
    const int series = it->data(SeriesRole).toInt();
    if (series < 0) {
        if (const auto* pi = m_project.find(it->data(KeyRole).toString().toStdString())) s = pi->state;
    }
    else {
        // A series: accepted when every slice is, proposed when any has a mask.
        bool all = true, any = false;
        for (const auto& sl : m_series[static_cast<size_t>(series)].slices) {
            const auto* pi = m_project.find(keyFor(sl.info.file, sl.frame).toStdString());
            const bool acc = pi && pi->state == pipeline::ItemState::Accepted;
            all = all && acc;
            any = any || (pi && pi->state != pipeline::ItemState::New);
        }
        s = all ? pipeline::ItemState::Accepted : any ? pipeline::ItemState::Proposed : pipeline::ItemState::New;
        // The row counts its slices by state.
        int counts[4] = {0, 0, 0, 0};
        for (const auto& sl : m_series[static_cast<size_t>(series)].slices) {
            const auto* pi = m_project.find(keyFor(sl.info.file, sl.frame).toStdString());
            ++counts[static_cast<int>(pi ? pi->state : pipeline::ItemState::New)];
        }
        it->setText(tr("%1 — %2 accepted, %3 proposed, %4 rejected")
                        .arg(it->data(BaseTextRole).toString())
                        .arg(counts[2])
                        .arg(counts[1])
                        .arg(counts[3]));
    }
    it->setIcon(stateIcon(s));
    it->setData(StateRole, QString::fromStdString(pipeline::stateName(s)));
    const QString names[4] = {tr("new"), tr("proposed"), tr("accepted"), tr("rejected")};
    it->setToolTip(QStringLiteral("%1 — %2").arg(it->data(PathRole).toString(), names[static_cast<int>(s)]));
}

void MainWindow::updateAllBrowserStates()
{
    for (int r = 0; r < m_browser->count(); ++r) updateBrowserState(m_browser->item(r));
}

void MainWindow::populateLabels()
{
    m_labels->blockSignals(true);
    m_labels->clear();
    for (const auto& c : m_project.labels.classes) {
        QPixmap pm(14, 14);
        pm.fill(QColor(c.color[0], c.color[1], c.color[2]));
        auto* li = new QListWidgetItem(QIcon(pm), c.hotkey.empty() ? QString::fromStdString(c.name)
                                                                   : QStringLiteral("%1  [%2]").arg(QString::fromStdString(c.name),
                                                                                                    QString::fromStdString(c.hotkey)),
                                       m_labels);
        li->setData(Qt::UserRole, c.id);
    }
    m_labels->blockSignals(false);
    if (!m_project.labels.classes.empty()) {
        m_currentLabel = m_project.labels.classes.front().id;
        m_labels->setCurrentRow(0);
    }
}

namespace {
// Everything about a folder that takes time (listing, DICOM headers, the project file),
// done on a worker thread while the window keeps painting.
struct FolderListing
{
    std::vector<pipeline::BatchItem> items;
    std::vector<std::string> problems;
    pipeline::Project project;
    std::string projectError; // the project file could not be read
    std::map<std::string, std::vector<imaging::DicomInfo>> seriesInfos;
};

FolderListing listFolder(fs::path root, fs::path projectPath)
{
    FolderListing l;
    l.items = pipeline::enumerateBatchItems({root}, &l.problems);
    l.project.name = root.filename().string();
    l.project.sources.push_back({"folder", root.string(), ""});
    if (fs::exists(projectPath)) {
        try {
            l.project = pipeline::Project::load(projectPath);
        } catch (const std::exception& e) {
            l.projectError = e.what();
        }
    }
    for (const auto& it : l.items) {
        if (!l.project.find(it.key)) {
            pipeline::ProjectItem pi;
            pi.key = it.key;
            pi.file = it.file.string();
            pi.frame = it.frame;
            pi.patientId = it.patientId;
            pi.seriesInstanceUid = it.seriesInstanceUid;
            l.project.upsert(std::move(pi));
        }
        if (!it.seriesInstanceUid.empty() && it.frame == 0) {
            try {
                l.seriesInfos[it.seriesInstanceUid].push_back(imaging::readDicomInfo(it.file));
            } catch (const std::exception&) {
            }
        }
    }
    l.project.sortItems();
    return l;
}
} // namespace

fs::path MainWindow::projectInDataFolder(const fs::path& key, const std::string& prefix) const
{
    // The project store (tests) or the user's data folder; the name is a hash of `key`.
    const QString dataDir = !m_projectStore.isEmpty()
                                ? m_projectStore
                                : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/projects");
    const std::string s = key.string();
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(pipeline::fnv1a(s.data(), s.size())));
    return fs::path(dataDir.toStdString()) / (prefix + hex + ".samsp.json");
}

bool MainWindow::openFolder(const QString& folder)
{
    saveNow();
    m_browser->blockSignals(true);
    m_browser->clear();
    m_browser->blockSignals(false);
    m_series.clear();
    const fs::path root = fs::absolute(folder.toStdString()).lexically_normal();
    // The project: beside the images when the folder is writable, else in the user's data folder.
    fs::path projectPath = root / "project.samsp.json";
    if (!m_projectStore.isEmpty() || (!fs::exists(projectPath) && ::access(root.c_str(), W_OK) != 0))
        projectPath = projectInDataFolder(root);
    // List on a worker thread; the event loop keeps running meanwhile (no frozen window).
    m_statusImage->setText(tr("Listing %1 ...").arg(folder));
    QFutureWatcher<FolderListing> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcher<FolderListing>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(listFolder, root, projectPath));
    if (!watcher.isFinished()) loop.exec(QEventLoop::ExcludeUserInputEvents);
    FolderListing l = watcher.result();
    if (l.items.empty()) {
        // Nothing of the previous folder stays on screen or in reach of Save.
        m_lastError = tr("'%1' holds no supported images (PNG, JPEG, TIFF, BMP, WebP) or DICOM files.").arg(folder);
        forgetProject();
        showNothing(tr("No image"));
        statusBar()->showMessage(m_lastError, 8000);
        return false;
    }
    m_root = root;
    m_projectPath = projectPath;
    if (!l.projectError.empty()) {
        // A damaged project is kept aside, never overwritten.
        const fs::path aside = m_projectPath.string() + ".damaged";
        std::error_code ec;
        fs::rename(m_projectPath, aside, ec);
        if (!ec) {
            QMessageBox::warning(this, tr("Project"), tr("The project file could not be read and was moved to %1:\n%2")
                                                          .arg(QString::fromStdString(aside.string()), QString::fromStdString(l.projectError)));
        } else {
            // It could not be moved: never overwrite it. This session keeps its work in
            // the user's data folder instead and says so.
            const QString why = QString::fromStdString(ec.message());
            m_projectPath = projectInDataFolder(m_projectPath, "recovered-");
            QMessageBox::warning(this, tr("Project"),
                                 tr("The project file could not be read (%1) and could not be moved aside (%2). It is left "
                                    "untouched; this session's work is saved to %3 instead.")
                                     .arg(QString::fromStdString(l.projectError), why, QString::fromStdString(m_projectPath.string())));
        }
    }
    m_project = std::move(l.project);
    m_project.model.selfPrompt.passes = m_settings.passes;
    populateLabels();
    // Rows: images one by one (with their state), DICOM series as one row each. Built
    // without a parent and added in one go: inserting into a live list is far slower.
    QList<QListWidgetItem*> rows;
    rows.reserve(static_cast<qsizetype>(l.items.size()));
    for (const auto& it : l.items) {
        if (!it.seriesInstanceUid.empty()) continue;
        auto* row = new QListWidgetItem(QString::fromStdString(it.key));
        rows.push_back(row);
        row->setData(PathRole, QString::fromStdString(it.file.string()) + (it.frame > 0 ? QStringLiteral("#%1").arg(it.frame) : QString()));
        row->setData(KeyRole, QString::fromStdString(it.key));
        row->setData(SeriesRole, -1);
        const auto* pi = m_project.find(it.key);
        const auto st = pi ? pi->state : pipeline::ItemState::New;
        row->setIcon(stateIcon(st));
        row->setData(StateRole, QString::fromStdString(pipeline::stateName(st)));
    }
    for (auto& [uid, infos] : l.seriesInfos) {
        for (auto& s : imaging::groupSeries(infos)) {
            const int idx = static_cast<int>(m_series.size());
            const QString label = tr("Series: %1 (%2, %3 slices)")
                                      .arg(QString::fromStdString(s.description.empty() ? s.seriesInstanceUid : s.description),
                                           QString::fromStdString(s.modality))
                                      .arg(s.slices.size());
            auto* row = new QListWidgetItem(label);
            rows.push_back(row);
            row->setData(BaseTextRole, label);
            row->setData(PathRole, QString::fromStdString(s.slices.front().info.file.parent_path().string()));
            row->setData(KeyRole, keyFor(s.slices.front().info.file.parent_path(), 0));
            row->setData(SeriesRole, idx);
            QString tip;
            for (const auto& w : s.warnings) tip += QString::fromStdString(w) + QLatin1Char('\n');
            m_series.push_back(std::move(s));
            updateBrowserState(row);
            if (!tip.isEmpty()) row->setToolTip(row->toolTip() + QLatin1Char('\n') + tip.trimmed());
        }
    }
    m_browser->setUpdatesEnabled(false);
    for (auto* r : rows) m_browser->addItem(r);
    m_browser->setUpdatesEnabled(true);
    for (const auto& p : l.problems) statusBar()->showMessage(QString::fromStdString(p), 8000);
    m_browser->setCurrentRow(0);
    return true;
}

bool MainWindow::openProject(const QString& projectFile)
{
    try {
        const auto p = pipeline::Project::load(projectFile.toStdString());
        fs::path root = fs::path(projectFile.toStdString()).parent_path();
        if (!p.sources.empty() && p.sources.front().kind == "folder" && fs::is_directory(p.sources.front().path))
            root = p.sources.front().path;
        if (!openFolder(QString::fromStdString(root.string()))) return false;
        // The project file given wins over one found beside the images.
        m_projectPath = fs::absolute(projectFile.toStdString());
        for (const auto& item : p.items) m_project.upsert(item);
        m_project.labels = p.labels;
        m_project.sortItems();
        populateLabels();
        updateAllBrowserStates();
        return true;
    } catch (const std::exception& e) {
        m_lastError = QString::fromStdString(e.what());
        QMessageBox::warning(this, tr("Open Project"), m_lastError);
        return false;
    }
}

void MainWindow::openImage(const QString& path)
{
    commitCurrent();
    if (m_dirty) saveNow();
    m_currentPath = path;
    m_document.reset();
    m_volumeBar->setVisible(false);
    m_canvas->setVolumeMode(false);
    m_statusImage->setText(tr("Loading %1 ...").arg(QFileInfo(splitFrame(path).first).fileName()));
    m_passViewer->clear(tr("Loading ..."));
    m_statusCursor->clear();
    m_canvas->clearOverlay();
    forgetItem();
    m_latest->store(++m_generation);
    const auto [file, frame] = splitFrame(path);
    m_currentKey = keyFor(file.toStdString(), frame);
    m_watcher.setFuture(QtConcurrent::run(loadOnWorker, m_generation, path));
}

void MainWindow::forgetItem()
{
    m_instances.clear();
    m_active = -1;
    m_editor->reset(cv::Mat());
    refreshInstances();
    m_points.clear();
    m_pointLabels.clear();
    m_box.reset();
    m_proposal = Proposal();
}

void MainWindow::showNothing(const QString& message)
{
    m_latest->store(++m_generation); // results still on their way are for something else
    m_document.reset();
    m_volumeBar->setVisible(false);
    m_canvas->setVolumeMode(false);
    m_canvas->clear();
    m_currentImage = QImage();
    forgetItem();
    m_usedPass = -1;
    m_currentKey.clear();
    m_currentPath.clear();
    m_passViewer->clear(message);
    m_cursor = QPointF(-1, -1);
    m_statusCursor->clear();
    m_statusImage->setText(message);
    setWindowTitle(tr("SAM-SP Studio"));
}

void MainWindow::forgetProject()
{
    m_browser->blockSignals(true);
    m_browser->clear();
    m_browser->blockSignals(false);
    m_series.clear();
    m_project = pipeline::Project();
    m_projectPath.clear();
    m_root.clear();
    m_dirty = false;
    m_autosave.stop();
    populateLabels();
}

void MainWindow::onBrowserItem(QListWidgetItem* current)
{
    if (!current) return;
    const int series = current->data(SeriesRole).toInt();
    if (series < 0) {
        openImage(current->data(PathRole).toString());
        return;
    }
    commitCurrent();
    if (m_dirty) saveNow();
    m_passViewer->clear(tr("Loading ..."));
    m_statusCursor->clear();
    m_canvas->clearOverlay();
    m_instances.clear();
    m_active = -1;
    m_editor->reset(cv::Mat());
    refreshInstances();
    m_proposal = Proposal();
    m_currentPath = current->data(BaseTextRole).toString();
    m_currentKey.clear();
    m_latest->store(++m_generation);
    m_statusImage->setText(tr("Loading %1 ...").arg(m_currentPath));
    m_currentSeries = series;
    m_watcher.setFuture(QtConcurrent::run(loadSeriesOnWorker, m_generation, current->data(BaseTextRole).toString(),
                                          m_series[static_cast<size_t>(series)]));
}

void MainWindow::showSlice(int k, bool propose)
{
    if (!m_document) return;
    k = std::clamp(k, 0, m_document->frameCount() - 1);
    if (propose && k != m_sliceIndex) {
        commitCurrent();
        if (m_dirty) saveNow();
    }
    const bool newSlice = k != m_sliceIndex || m_currentKey.isEmpty();
    m_sliceIndex = k;
    m_slice->blockSignals(true);
    m_slice->setValue(k);
    m_slice->blockSignals(false);
    m_sliceLabel->setText(tr("%1 / %2  W %3 L %4").arg(k + 1).arg(m_document->frameCount()).arg(m_window.width, 0, 'f', 0).arg(m_window.center, 0, 'f', 0));
    const QImage img = rgbToQImage(imaging::toRgb8(m_document->pixels(k), m_window, m_document->invert));
    m_currentImage = img;
    m_canvas->replaceImage(img);
    m_statusCursor->setText(cursorReadout()); // the value under the cursor is this slice's now
    refreshVolumeState();
    if (!newSlice) {
        refreshOverlay();
        return;
    }
    m_currentKey = keyFor(m_document->frameFile(k), m_document->frameIndexInFile(k));
    m_latest->store(++m_generation);
    m_proposal = Proposal();
    m_points.clear();
    m_pointLabels.clear();
    m_box.reset();
    // A saved slice shows its mask; a new one gets a proposal.
    const auto* item = m_project.find(m_currentKey.toStdString());
    if (item && item->state != pipeline::ItemState::New && !item->annotation.instances.empty())
        loadInstances(item->annotation);
    else
        loadInstances({});
    refreshOverlay();
    if (propose) proposeCurrent();
}

QString MainWindow::cursorReadout() const
{
    if (m_cursor.x() < 0 || m_currentImage.isNull()) return {};
    const int x = static_cast<int>(m_cursor.x()), y = static_cast<int>(m_cursor.y());
    if (x < 0 || y < 0 || x >= m_currentImage.width() || y >= m_currentImage.height()) return {};
    if (m_document) {
        const cv::Mat& px = m_document->pixels(m_sliceIndex);
        const double v = px.channels() == 1 && px.depth() == CV_32F ? px.at<float>(y, x) : px.at<uchar>(y, x * px.channels());
        QString text = tr("x %1, y %2: %3").arg(x).arg(y).arg(v, 0, 'f', 0);
        if (m_document->series() && m_document->series()->modality == "CT") text += tr(" HU");
        if (const auto& g = m_document->geometry()) {
            const auto p = g->toPatient(x, y, m_sliceIndex);
            text += tr("  (%1, %2, %3) mm").arg(p[0], 0, 'f', 1).arg(p[1], 0, 'f', 1).arg(p[2], 0, 'f', 1);
        }
        return text;
    }
    const QRgb c = m_currentImage.pixel(x, y);
    return tr("x %1, y %2: RGB %3 %4 %5").arg(x).arg(y).arg(qRed(c)).arg(qGreen(c)).arg(qBlue(c));
}

void MainWindow::onLoaded()
{
    const LoadedImage r = m_watcher.result();
    if (r.generation != m_generation) return; // the user already moved on
    if (!r.error.isEmpty()) {
        m_lastError = r.error;
        const QString name = QFileInfo(splitFrame(r.path).first).fileName();
        showNothing(tr("Cannot open %1").arg(name));
        m_currentPath = r.path;
        m_passViewer->clear(tr("%1 cannot be read: %2").arg(name, r.error));
        // The row says so too (own icon, the reason as its tooltip), for as long as the folder is open.
        if (auto* row = m_browser->currentItem(); row && row->data(PathRole).toString() == r.path) {
            row->setData(ErrorRole, r.error);
            updateBrowserState(row);
        }
        statusBar()->showMessage(r.error, 10000);
        m_errorShown = true;
        Q_EMIT imageFailed(r.path, r.error);
        return;
    }
    if (m_errorShown) { // the previous item's error does not belong to this one
        statusBar()->clearMessage();
        m_errorShown = false;
    }
    if (r.document) { // a series
        m_document = r.document;
        m_window = m_document->window;
        // The model sees the series' own window (or the one the user fixed for this session).
        if (!m_modelWindowFixed) m_modelWindow = m_document->window;
        m_sliceIndex = -1;
        m_slice->blockSignals(true);
        m_slice->setRange(0, m_document->frameCount() - 1);
        m_slice->blockSignals(false);
        m_volumeBar->setVisible(true);
        m_canvas->setVolumeMode(true);
        m_canvas->setImage(QImage());
        m_currentKey.clear();
        const int mid = m_document->frameCount() / 2;
        m_canvas->clear();
        m_sliceIndex = -1;
        showSlice(mid, false);
        m_canvas->fitToWindow();
        proposeCurrent();
        m_statusImage->setText(QStringLiteral("%1 — %2").arg(r.path, r.summary));
        setWindowTitle(QStringLiteral("%1 — %2").arg(r.path, tr("SAM-SP Studio")));
        Q_EMIT imageShown(r.path);
        return;
    }
    m_canvas->setImage(r.image);
    m_currentImage = r.image;
    m_proposal = Proposal();
    // A saved annotation is restored as it was left.
    const auto* item = m_project.find(m_currentKey.toStdString());
    if (item && item->state != pipeline::ItemState::New && !item->annotation.instances.empty() &&
        item->annotation.width == r.image.width() && item->annotation.height == r.image.height()) {
        loadInstances(item->annotation);
    }
    refreshOverlay();
    m_passViewer->clear(m_modelReady ? tr("Proposing ...") : tr("No model loaded."));
    proposeCurrent();
    m_statusImage->setText(QStringLiteral("%1 — %2").arg(QFileInfo(splitFrame(r.path).first).fileName(), r.summary));
    setWindowTitle(QStringLiteral("%1 — %2").arg(QFileInfo(splitFrame(r.path).first).fileName(), tr("SAM-SP Studio")));
    Q_EMIT imageShown(r.path);
}

// ---- actions ---------------------------------------------------------------------

void MainWindow::createActions()
{
    QSettings st;
    auto shortcut = [&st](QAction* a, const QString& name, const QKeySequence& def) {
        a->setObjectName(name);
        a->setShortcut(QKeySequence(st.value(QStringLiteral("shortcuts/") + name, def.toString()).toString()));
        a->setData(def.toString()); // the default, for the settings dialog
    };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    shortcut(file->addAction(tr("&Open Image..."), this, &MainWindow::openImageDialog), QStringLiteral("openImage"), QKeySequence::Open);
    shortcut(file->addAction(tr("Open &Folder..."), this, &MainWindow::openFolderDialog), QStringLiteral("openFolder"),
             QKeySequence(tr("Ctrl+Shift+O")));
    shortcut(file->addAction(tr("Open &Project..."), this, &MainWindow::openProjectDialog), QStringLiteral("openProject"),
             QKeySequence(tr("Ctrl+Alt+O")));
    shortcut(file->addAction(tr("&Save"), this, [this] {
                 if (saveNow()) statusBar()->showMessage(tr("Saved %1").arg(projectPath()), 4000);
             }),
             QStringLiteral("save"), QKeySequence::Save);
    shortcut(file->addAction(tr("&Export..."), this, &MainWindow::exportDialog), QStringLiteral("export"), QKeySequence(tr("Ctrl+E")));
    shortcut(file->addAction(tr("Export &Dataset..."), this, [this] {
                 saveNow();
                 DatasetDialog dlg(m_project, m_projectPath.parent_path(), this);
                 dlg.exec();
             }),
             QStringLiteral("exportDataset"), QKeySequence(tr("Ctrl+Shift+E")));
    shortcut(file->addAction(tr("&Annotate Folder..."), this, [this] {
                 BatchDialog dlg(QString::fromStdString(m_root.string()), m_modelPath,
                                 QSettings().value(QStringLiteral("model/device"), QStringLiteral("auto")).toString(), m_settings, this);
                 dlg.exec();
             }),
             QStringLiteral("annotateFolder"), QKeySequence(tr("Ctrl+B")));
    file->addSeparator();
    shortcut(file->addAction(tr("Se&ttings..."), this, &MainWindow::showSettings), QStringLiteral("settings"),
             QKeySequence::Preferences);
    shortcut(file->addAction(tr("&Models..."), this, [this] {
                 ModelManagerDialog dlg(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/models"),
                                        m_modelPath, this, m_bundledModel);
                 if (!m_projectPath.empty()) // the loop's rounds: any earlier one can be chosen again
                     dlg.addModelsFolder(QString::fromStdString((m_projectPath.parent_path() / "models").string()));
                 connect(&dlg, &ModelManagerDialog::useModel, this, [this](const QString& path) {
                     QSettings().setValue(QStringLiteral("model/path"), path);
                     setModel(path, QSettings().value(QStringLiteral("model/device"), QStringLiteral("auto")).toString());
                 });
                 dlg.exec();
             }),
             QStringLiteral("models"), QKeySequence(tr("Ctrl+Shift+M")));
    file->addSeparator();
    shortcut(file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows), QStringLiteral("quit"), QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_editor->undoStack()->createUndoAction(this, tr("&Undo"));
    shortcut(undo, QStringLiteral("undo"), QKeySequence::Undo);
    edit->addAction(undo);
    QAction* redo = m_editor->undoStack()->createRedoAction(this, tr("&Redo"));
    shortcut(redo, QStringLiteral("redo"), QKeySequence(tr("Ctrl+Shift+Z")));
    edit->addAction(redo);
    edit->addSeparator();
    shortcut(edit->addAction(tr("&Fill Holes"), this, [this] { applyMaskOp(QStringLiteral("fill")); }), QStringLiteral("fillHoles"),
             QKeySequence(Qt::Key_F));
    shortcut(edit->addAction(tr("Remove &Islands"), this, [this] { applyMaskOp(QStringLiteral("islands")); }),
             QStringLiteral("removeIslands"), QKeySequence(Qt::Key_I));
    shortcut(edit->addAction(tr("&Clean Up Edges"), this, [this] { applyMaskOp(QStringLiteral("clean")); }),
             QStringLiteral("cleanUp"), QKeySequence(Qt::SHIFT | Qt::Key_C));
    shortcut(edit->addAction(tr("C&lear Mask"), this, [this] { applyMaskOp(QStringLiteral("clear")); }), QStringLiteral("clearMask"),
             QKeySequence(Qt::Key_Delete));
    shortcut(edit->addAction(tr("Clear &Prompts"), this, &MainWindow::clearPrompts), QStringLiteral("clearPrompts"),
             QKeySequence(Qt::Key_C));
    edit->addSeparator();
    shortcut(edit->addAction(tr("&New Instance"), this, &MainWindow::newInstance), QStringLiteral("newInstance"),
             QKeySequence(Qt::Key_A));
    shortcut(edit->addAction(tr("&Delete Instance"), this, &MainWindow::deleteInstance), QStringLiteral("deleteInstance"),
             QKeySequence(Qt::SHIFT | Qt::Key_Delete));

    // Tools.
    QToolBar* toolBar = addToolBar(tr("Tools"));
    toolBar->setObjectName(QStringLiteral("toolsBar"));
    m_tools = new QActionGroup(this);
    struct ToolDef
    {
        ImageCanvas::Tool tool;
        QString text, name;
        QKeySequence key;
    };
    const ToolDef defs[] = {
        {ImageCanvas::Tool::Pan, tr("Pan"), QStringLiteral("toolPan"), QKeySequence(Qt::Key_H)},
        {ImageCanvas::Tool::Points, tr("Points (left: add, right: remove)"), QStringLiteral("toolPoints"), QKeySequence(Qt::Key_T)},
        {ImageCanvas::Tool::Box, tr("Box"), QStringLiteral("toolBox"), QKeySequence(Qt::Key_B)},
        {ImageCanvas::Tool::Brush, tr("Brush"), QStringLiteral("toolBrush"), QKeySequence(Qt::Key_D)},
        {ImageCanvas::Tool::Eraser, tr("Eraser"), QStringLiteral("toolEraser"), QKeySequence(Qt::Key_E)},
        {ImageCanvas::Tool::Polygon, tr("Polygon"), QStringLiteral("toolPolygon"), QKeySequence(Qt::Key_G)},
    };
    toolBar->addSeparator();
    toolBar->addWidget(new QLabel(tr("Opacity"), this));
    auto* opacity = new QSlider(Qt::Horizontal, this);
    opacity->setObjectName(QStringLiteral("opacitySlider"));
    opacity->setRange(0, 100);
    opacity->setValue(45);
    opacity->setMaximumWidth(120);
    opacity->setToolTip(tr("Mask opacity"));
    connect(opacity, &QSlider::valueChanged, this, [this](int v) { m_canvas->setOverlayOpacity(v / 100.0); });
    toolBar->addWidget(opacity);
    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    for (const auto& d : defs) {
        QAction* a = tools->addAction(d.text);
        a->setCheckable(true);
        shortcut(a, d.name, d.key);
        m_tools->addAction(a);
        toolBar->addAction(a);
        const ImageCanvas::Tool t = d.tool;
        connect(a, &QAction::triggered, this, [this, t] { m_canvas->setTool(t); });
        if (t == ImageCanvas::Tool::Pan) a->setChecked(true);
    }
    tools->addSeparator();
    shortcut(tools->addAction(tr("Smaller Brush"), this, [this] {
                 m_canvas->setBrushRadius(m_canvas->brushRadius() - 1);
                 statusBar()->showMessage(tr("Brush radius %1 px").arg(m_canvas->brushRadius()), 2000);
             }),
             QStringLiteral("brushSmaller"), QKeySequence(Qt::Key_Comma));
    shortcut(tools->addAction(tr("Larger Brush"), this, [this] {
                 m_canvas->setBrushRadius(m_canvas->brushRadius() + 1);
                 statusBar()->showMessage(tr("Brush radius %1 px").arg(m_canvas->brushRadius()), 2000);
             }),
             QStringLiteral("brushLarger"), QKeySequence(Qt::Key_Period));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    shortcut(view->addAction(tr("&Fit to Window"), m_canvas, &ImageCanvas::fitToWindow), QStringLiteral("fit"), QKeySequence(tr("Ctrl+0")));
    shortcut(view->addAction(tr("&Actual Size"), m_canvas, &ImageCanvas::actualSize), QStringLiteral("actualSize"),
             QKeySequence(tr("Ctrl+1")));
    shortcut(view->addAction(tr("Zoom &In"), m_canvas, &ImageCanvas::zoomIn), QStringLiteral("zoomIn"), QKeySequence::ZoomIn);
    shortcut(view->addAction(tr("Zoom &Out"), m_canvas, &ImageCanvas::zoomOut), QStringLiteral("zoomOut"), QKeySequence::ZoomOut);
    QAction* byUncertainty = view->addAction(tr("Sort Images by &Uncertainty"));
    byUncertainty->setCheckable(true);
    byUncertainty->setToolTip(tr("Least certain proposals first (lowest predicted IoU): corrections there teach the model most"));
    shortcut(byUncertainty, QStringLiteral("sortByUncertainty"), QKeySequence(tr("Ctrl+U")));
    connect(byUncertainty, &QAction::toggled, this, &MainWindow::sortBrowserByUncertainty);
    QAction* overlay = view->addAction(tr("Show &Mask"));
    overlay->setCheckable(true);
    overlay->setChecked(true);
    shortcut(overlay, QStringLiteral("showMask"), QKeySequence(Qt::Key_M));
    connect(overlay, &QAction::toggled, this, [this](bool on) { m_canvas->setOverlayOpacity(on ? 0.45 : 0.0); });
    QMenu* presets = view->addMenu(tr("&Window Preset"));
    const QMap<QString, QString> presetNames{{QStringLiteral("lung"), tr("Lung")},       {QStringLiteral("mediastinum"), tr("Mediastinum")},
                                             {QStringLiteral("bone"), tr("Bone")},       {QStringLiteral("brain"), tr("Brain")},
                                             {QStringLiteral("abdomen"), tr("Abdomen")}, {QStringLiteral("liver"), tr("Liver")}};
    for (const auto& name : imaging::windowPresetNames()) {
        const auto w = *imaging::windowPreset(name);
        const QString id = QString::fromStdString(name);
        presets->addAction(tr("%1 (W %2, L %3)").arg(presetNames.value(id, id)).arg(w.width, 0, 'f', 0).arg(w.center, 0, 'f', 0), this,
                           [this, name] {
            if (!m_document) return;
            m_window = *imaging::windowPreset(name);
            showSlice(m_sliceIndex, false);
        });
    }
    presets->addAction(tr("Automatic"), this, [this] {
        if (!m_document) return;
        m_window = imaging::autoWindow(m_document->pixels(m_sliceIndex));
        showSlice(m_sliceIndex, false);
    });
    presets->addSeparator();
    presets->addAction(tr("Use This Window as the Model's Input"), this, [this] {
        if (!m_document) return;
        setModelWindow(m_window);
        statusBar()->showMessage(tr("The model now sees W %1 L %2; new proposals use it.")
                                     .arg(m_window.width, 0, 'f', 0)
                                     .arg(m_window.center, 0, 'f', 0),
                                 8000);
        proposeCurrent();
    });

    QMenu* sam = menuBar()->addMenu(tr("&SAM-SP"));
    shortcut(sam->addAction(tr("&Propose Again"), this, [this] {
                 m_instances.clear();
                 m_active = -1;
                 m_editor->reset(cv::Mat());
                 refreshInstances();
                 if (auto* it = m_project.find(m_currentKey.toStdString())) it->state = pipeline::ItemState::New;
                 proposeCurrent();
             }),
             QStringLiteral("proposeAgain"), QKeySequence(tr("Ctrl+R")));
    shortcut(sam->addAction(tr("N&ext Pass"), this, [this] {
                 const int i = m_passViewer->currentPass();
                 if (i + 1 < m_passViewer->passCount()) m_passViewer->list()->setCurrentRow(i + 1);
             }),
             QStringLiteral("nextPass"), QKeySequence(Qt::Key_BracketRight));
    shortcut(sam->addAction(tr("Pre&vious Pass"), this, [this] {
                 const int i = m_passViewer->currentPass();
                 if (i > 0) m_passViewer->list()->setCurrentRow(i - 1);
             }),
             QStringLiteral("previousPass"), QKeySequence(Qt::Key_BracketLeft));
    shortcut(sam->addAction(tr("&Use Selected Pass"), this, [this] {
                 if (m_passViewer->currentPass() >= 0) Q_EMIT m_passViewer->usePass(m_passViewer->currentPass());
             }),
             QStringLiteral("usePass"), QKeySequence(Qt::Key_U));

    shortcut(sam->addAction(tr("&Train on Accepted Items..."), this, &MainWindow::showTrainDialog), QStringLiteral("trainOnAccepted"),
             QKeySequence(tr("Ctrl+Shift+T")));
    shortcut(sam->addAction(tr("Propose &Slices..."), this, &MainWindow::proposeSliceRangeDialog), QStringLiteral("proposeSlices"),
             QKeySequence(tr("Ctrl+Shift+R")));

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    shortcut(go->addAction(tr("&Accept"), this, &MainWindow::acceptCurrent), QStringLiteral("accept"), QKeySequence(Qt::Key_Return));
    shortcut(go->addAction(tr("&Reject"), this, &MainWindow::rejectCurrent), QStringLiteral("reject"), QKeySequence(Qt::Key_Escape));
    go->addSeparator();
    shortcut(go->addAction(tr("&Next Image"), this, &MainWindow::nextImage), QStringLiteral("nextImage"), QKeySequence(Qt::Key_N));
    shortcut(go->addAction(tr("&Previous Image"), this, &MainWindow::previousImage), QStringLiteral("previousImage"),
             QKeySequence(Qt::Key_P));
    shortcut(go->addAction(tr("Next &Unreviewed"), this, &MainWindow::nextUnreviewed), QStringLiteral("nextUnreviewed"),
             QKeySequence(Qt::SHIFT | Qt::Key_N));

    // Labels 1..9.
    for (int k = 1; k <= 9; ++k) {
        auto* a = new QAction(this);
        a->setShortcut(QKeySequence(Qt::Key_0 + k));
        connect(a, &QAction::triggered, this, [this, k] {
            for (const auto& c : m_project.labels.classes)
                if (c.hotkey == std::to_string(k)) setCurrentLabel(c.id);
        });
        addAction(a);
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About SAM-SP Studio"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
}

void MainWindow::setStatusModel()
{
    const auto info = model::runtimeInfo(false);
    QString text = info.cudaAvailable ? tr("Device: %1").arg(QString::fromStdString(info.device))
                                      : tr("Device: CPU, %n thread(s)", nullptr, info.threads);
    if (info.blas.slowReference) text += QStringLiteral("  ") + tr("(slow reference BLAS: see Help > About)");
    m_statusModel->setText(text);
}

void MainWindow::showAbout()
{
    AboutDialog dlg(this);
    dlg.setModel(m_modelPath, m_modelId);
    dlg.exec();
}

void MainWindow::showSettings()
{
    SettingsDialog dlg(m_settings, findChildren<QAction*>(), this);
    if (dlg.exec() != QDialog::Accepted) return;
    m_settings = dlg.proposalSettings();
    QSettings st;
    st.setValue(QStringLiteral("samsp/passes"), m_settings.passes);
    st.setValue(QStringLiteral("samsp/box"), m_settings.box);
    st.setValue(QStringLiteral("samsp/mask"), m_settings.mask);
    st.setValue(QStringLiteral("samsp/point"), m_settings.point);
    st.setValue(QStringLiteral("samsp/earlyStopIou"), m_settings.earlyStopIou);
    dlg.applyShortcuts();
    if (dlg.languageChanged())
        QMessageBox::information(this, tr("Language"), tr("The new language is used from the next start."));
    if (dlg.deviceChanged()) {
        const QString path = dlg.modelPath().isEmpty() ? m_modelPath : dlg.modelPath();
        if (!path.isEmpty()) setModel(path, dlg.device());
    }
    m_project.model.selfPrompt.passes = m_settings.passes;
}

void MainWindow::openFolderDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Folder"));
    if (!dir.isEmpty()) openFolder(dir);
}

void MainWindow::openProjectDialog()
{
    const QString f = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(), tr("SAM-SP projects (*.samsp.json *.json)"));
    if (!f.isEmpty()) openProject(f);
}

void MainWindow::openImageDialog()
{
    const QString f = QFileDialog::getOpenFileName(this, tr("Open Image"), QString(),
                                                   tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)"));
    if (!f.isEmpty()) openFile(f);
}

bool MainWindow::openFile(const QString& f)
{
    if (!openFolder(QFileInfo(f).absolutePath())) return false;
    if (QListWidgetItem* it = browserItemFor(keyFor(fs::absolute(f.toStdString()), 0))) m_browser->setCurrentItem(it);
    return true;
}

void MainWindow::exportDialog()
{
    if (m_project.items.empty()) {
        statusBar()->showMessage(tr("Open a folder first: there is nothing to export."), 5000);
        return;
    }
    QDialog dlg(this);
    dlg.setObjectName(QStringLiteral("exportDialog"));
    dlg.setWindowTitle(tr("Export"));
    auto* format = new QComboBox(&dlg);
    format->setObjectName(QStringLiteral("exportFormat"));
    for (const auto& f : pipeline::outputFormats()) {
        format->addItem(formatDisplayName(f), QString::fromStdString(f.id));
        format->setItemData(format->count() - 1, tr("Writes %1").arg(QString::fromStdString(f.files)), Qt::ToolTipRole);
    }
    int accepted = 0, proposed = 0;
    for (const auto& i : m_project.items) {
        accepted += i.state == pipeline::ItemState::Accepted && i.annotation.width > 0;
        proposed += i.state == pipeline::ItemState::Proposed && i.annotation.width > 0;
    }
    auto* which = new QComboBox(&dlg);
    which->setObjectName(QStringLiteral("exportWhich"));
    which->addItem(tr("Accepted items only (%n)", "", accepted), false);
    which->addItem(tr("Accepted and proposed items (%n)", "", accepted + proposed), true);
    auto* folder = new QLineEdit(&dlg);
    folder->setObjectName(QStringLiteral("exportFolder"));
    auto* browse = new QPushButton(tr("Browse..."), &dlg);
    connect(browse, &QPushButton::clicked, &dlg, [&dlg, folder] {
        const QString d = QFileDialog::getExistingDirectory(&dlg, tr("Export to Folder"), folder->text());
        if (!d.isEmpty()) folder->setText(d);
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folder, 1);
    folderRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Format:"), format);
    form->addRow(tr("Items:"), which);
    form->addRow(tr("Folder:"), folderRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dlg);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, &dlg, [&dlg, folder] {
        if (folder->text().trimmed().isEmpty())
            QMessageBox::warning(&dlg, tr("Export"), tr("Choose the folder to export to."));
        else
            dlg.accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, &dlg, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dlg);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (m_dialogHook) m_dialogHook(&dlg);
    if (dlg.exec() != QDialog::Accepted) return;
    const bool includeProposed = which->currentData().toBool();
    if ((includeProposed ? accepted + proposed : accepted) == 0) {
        QMessageBox::information(this, tr("Export"),
                                 includeProposed ? tr("No item has a mask yet.")
                                                 : tr("No item is accepted yet. Accept items (Enter), or choose \"%1\".")
                                                       .arg(which->itemText(1)));
        return;
    }
    saveNow();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        const auto res = pipeline::exportProject(m_project, folder->text().toStdString(),
                                                 {format->currentData().toString().toStdString()}, includeProposed);
        QApplication::restoreOverrideCursor();
        m_lastExport = tr("Exported %n item(s) as %1 to %2: %3 file(s).", "", res.items)
                           .arg(format->currentText(), folder->text())
                           .arg(res.files);
        if (!res.problems.empty()) m_lastExport += QLatin1Char('\n') + tr("Not exported (%n):", "", static_cast<int>(res.problems.size()));
        for (const auto& p : res.problems) m_lastExport += QLatin1Char('\n') + QString::fromStdString(p);
        statusBar()->showMessage(m_lastExport.section(QLatin1Char('\n'), 0, 0), 10000);
        if (!m_dialogHook) QMessageBox::information(this, tr("Export"), m_lastExport);
    } catch (const std::exception& e) {
        QApplication::restoreOverrideCursor();
        m_lastExport = tr("The export failed:\n%1").arg(QString::fromStdString(e.what()));
        if (!m_dialogHook) QMessageBox::warning(this, tr("Export"), m_lastExport);
    }
}

void MainWindow::sortBrowserByUncertainty(bool on)
{
    // On real held-out data the trained IoU head's predicted IoU ranks real error best
    // (Spearman 0.55 on PH2 val, vs 0.33 for the disagreement between passes and -0.09
    // for the logits' entropy: `samsp eval` prints the check), so the order is by it:
    // proposals with the lowest predicted IoU first, then those without a calibrated
    // score, then items not proposed yet, reviewed items last. Off: by name.
    commitCurrent();
    auto rank = [this](QListWidgetItem* it) -> std::pair<int, double> {
        if (it->data(SeriesRole).toInt() >= 0) return {3, 0};
        const auto* pi = m_project.find(it->data(KeyRole).toString().toStdString());
        if (!pi || pi->state == pipeline::ItemState::New) return {2, 0};
        if (pi->state != pipeline::ItemState::Proposed) return {4, 0};
        double lowest = 2;
        for (const auto& in : pi->annotation.instances) lowest = std::min(lowest, in.score ? *in.score : 2.0);
        return lowest <= 1 ? std::pair<int, double>{0, lowest} : std::pair<int, double>{1, 0};
    };
    QListWidgetItem* current = m_browser->currentItem();
    QList<QListWidgetItem*> rows;
    m_browser->blockSignals(true);
    while (m_browser->count() > 0) rows.push_back(m_browser->takeItem(0));
    std::stable_sort(rows.begin(), rows.end(), [&](QListWidgetItem* a, QListWidgetItem* b) {
        if (!on) {
            const bool sa = a->data(SeriesRole).toInt() >= 0, sb = b->data(SeriesRole).toInt() >= 0;
            if (sa != sb) return !sa;
            return a->data(KeyRole).toString() < b->data(KeyRole).toString();
        }
        return rank(a) < rank(b);
    });
    for (auto* r : rows) m_browser->addItem(r);
    if (current) m_browser->setCurrentItem(current);
    m_browser->blockSignals(false);
    statusBar()->showMessage(on ? tr("Images sorted by uncertainty: least certain first.") : tr("Images sorted by name."), 5000);
}

bool MainWindow::isTraining() const { return m_loop->isRunning(); }

void MainWindow::cancelTraining() { m_loop->cancel(); }

bool MainWindow::trainOnAccepted(double minutes)
{
    auto refuse = [this](const QString& why) {
        m_lastError = why;
        statusBar()->showMessage(why, 8000);
        return false;
    };
    if (m_loop->isRunning()) return refuse(tr("A training round is already running."));
    if (m_projectPath.empty()) return refuse(tr("Open a folder first: training learns from its accepted items."));
    if (m_modelPath.isEmpty()) return refuse(tr("Load a model first: training starts from it."));
    commitCurrent();
    int accepted = 0;
    for (const auto& i : m_project.items) accepted += i.state == pipeline::ItemState::Accepted && !i.annotation.instances.empty();
    if (accepted < 2) return refuse(tr("Accept at least 2 items (Enter) to train on them."));
    if (!saveNow()) return refuse(tr("The project could not be saved: %1").arg(m_lastError));
    // One core stays with the window and the proposals.
    const int threads = std::max(1, QThread::idealThreadCount() - 1);
    m_loop->start(projectPath(), m_modelPath, minutes, threads);
    if (m_trainDialog) m_trainDialog->setRunning(true);
    statusBar()->showMessage(tr("Training on %n accepted item(s) for %1 min; you can go on labelling.", nullptr, accepted).arg(minutes), 8000);
    return true;
}

void MainWindow::showTrainDialog()
{
    int accepted = 0;
    commitCurrent();
    for (const auto& i : m_project.items) accepted += i.state == pipeline::ItemState::Accepted && !i.annotation.instances.empty();
    if (!m_trainDialog) {
        m_trainDialog = new TrainDialog(accepted, this);
        m_trainDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_trainDialog, &TrainDialog::startRequested, this, [this](double minutes) { trainOnAccepted(minutes); });
        connect(m_trainDialog, &TrainDialog::cancelRequested, this, &MainWindow::cancelTraining);
    }
    m_trainDialog->setRunning(m_loop->isRunning());
    m_trainDialog->show(); // not modal: labelling goes on
    m_trainDialog->raise();
}

void MainWindow::onRoundFinished(const RoundOutcome& r)
{
    QString message;
    if (!r.ok) {
        message = r.cancelled ? tr("Training stopped; the model in use stays %1.").arg(QFileInfo(m_modelPath).fileName())
                              : tr("Training failed: %1").arg(r.message);
        m_lastError = message;
        statusBar()->showMessage(message, 10000);
        if (m_trainDialog) m_trainDialog->showResult(message);
        Q_EMIT roundFinished(false, QString(), message);
        return;
    }
    // The new version becomes the project's model; what nobody touched is proposed again
    // by it (the current item at once, the others when they are shown).
    commitCurrent();
    std::error_code ec;
    const fs::path rel = fs::relative(r.model.toStdString(), m_projectPath.parent_path(), ec);
    m_project.model.checkpoint = ec ? r.model.toStdString() : rel.generic_string();
    int reproposed = 0;
    for (auto& it : m_project.items) {
        if (it.state != pipeline::ItemState::Proposed) continue;
        if (pipeline::touchedByAPerson(it)) continue;
        it.annotation.instances.clear();
        it.state = pipeline::ItemState::New;
        ++reproposed;
        if (it.key == m_currentKey.toStdString()) forgetItem();
    }
    updateAllBrowserStates();
    saveNow();
    setModel(r.model, QSettings().value(QStringLiteral("model/device"), QStringLiteral("auto")).toString());
    message = tr("Round %1: trained on %n item(s) in %2 min, validation Dice %3; now in use. %4 untouched proposal(s) will be made again.",
                 nullptr, r.trainedOn)
                  .arg(r.round)
                  .arg(r.seconds / 60.0, 0, 'f', 1)
                  .arg(r.valDice, 0, 'f', 3)
                  .arg(reproposed);
    statusBar()->showMessage(message, 15000);
    if (m_trainDialog) m_trainDialog->showResult(message);
    Q_EMIT roundFinished(true, r.model, message);
}

void MainWindow::nextImage()
{
    // In a volume, N walks the slices first, then goes on to the next row.
    if (m_document && m_sliceIndex + 1 < m_document->frameCount()) {
        m_slice->setValue(m_sliceIndex + 1);
        return;
    }
    if (m_browser->currentRow() + 1 < m_browser->count()) m_browser->setCurrentRow(m_browser->currentRow() + 1);
}

void MainWindow::previousImage()
{
    if (m_document && m_sliceIndex > 0) {
        m_slice->setValue(m_sliceIndex - 1);
        return;
    }
    if (m_browser->currentRow() > 0) m_browser->setCurrentRow(m_browser->currentRow() - 1);
}

int MainWindow::sliceState(int k) const
{
    if (!m_document) return 0;
    const auto* item = m_project.find(keyFor(m_document->frameFile(k), m_document->frameIndexInFile(k)).toStdString());
    if (!item) return 0;
    // The slice on screen counts as proposed once it shows a mask, saved or not.
    if (k == m_sliceIndex && item->state == pipeline::ItemState::New && !m_editor->isEmpty()) return 1;
    return static_cast<int>(item->state);
}

void MainWindow::refreshVolumeState()
{
    if (!m_document) return;
    QVector<int> states(m_document->frameCount());
    for (int k = 0; k < m_document->frameCount(); ++k) states[k] = sliceState(k);
    m_sliceStrip->setStates(states, m_sliceIndex);
    for (int r = 0; r < m_browser->count(); ++r)
        if (m_browser->item(r)->data(SeriesRole).toInt() == m_currentSeries) updateBrowserState(m_browser->item(r));
}

void MainWindow::nextUnreviewed()
{
    // The next slice (in a volume), else the next row, that is neither accepted nor rejected.
    auto open = [](int state) { return state == static_cast<int>(pipeline::ItemState::New) || state == static_cast<int>(pipeline::ItemState::Proposed); };
    if (m_document)
        for (int k = m_sliceIndex + 1; k < m_document->frameCount(); ++k)
            if (open(sliceState(k))) {
                m_slice->setValue(k);
                return;
            }
    for (int r = m_browser->currentRow() + 1; r < m_browser->count(); ++r) {
        const QString st = m_browser->item(r)->data(StateRole).toString();
        if (st == QLatin1String("new") || st == QLatin1String("proposed")) {
            m_browser->setCurrentRow(r);
            return;
        }
    }
    statusBar()->showMessage(tr("Nothing after this is left to review."), 5000);
}

} // namespace samsp::ui
