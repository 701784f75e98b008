#include "main_window.h"

#include "document_set.h"
#include "image_browser.h"
#include "image_canvas.h"
#include "loop_runner.h"
#include "pass_viewer.h"
#include "qt_convert.h"
#include "slice_strip.h"
#include "train_dialog.h"
#include "tools/tool.h"

#include "annotation/mask_ops.h"
#include "imaging/image_io.h"
#include "model/runtime_info.h"
#include "pipeline/items.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoGroup>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <unistd.h>

namespace samsp::ui {

namespace fs = std::filesystem;

// main_window_io.cpp: an image (one frame of its file) as a document, with its display image.
LoadedImage loadImageOnWorker(quint64 generation, QString path);

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("SAM-SP Studio"));
    setAcceptDrops(true); // images, folders, and segmentations beside a series
    setWindowIcon(QIcon(QStringLiteral(":/icons/samsp-studio.png")));
    m_canvas = new ImageCanvas(this);
    setCentralWidget(m_canvas);
    m_documents = new DocumentSet(&m_project, this);
    connect(m_documents, &DocumentSet::maskChanged, this, [this](const QRect& r) {
        // A brush segment repaints its own box, not the whole overlay.
        if (m_overlayShowsActive && !r.isEmpty() && m_doc && m_doc->hasMask()) {
            const cv::Mat& m = m_doc->activeMask();
            const QRect g = r & QRect(0, 0, m.cols, m.rows);
            if (!g.isEmpty() && m_canvas->updateOverlayRegion(maskToQImage(m(cv::Rect(g.x(), g.y(), g.width(), g.height())).clone()), g.topLeft()))
                return;
        }
        refreshOverlay();
    });
    connect(m_documents, &DocumentSet::instancesChanged, this, [this] {
        refreshInstances();
        refreshOverlay();
        refreshVolumeState();
    });
    connect(m_documents, &DocumentSet::stateChanged, this, [this](int) {
        m_browser->updateState(m_currentKey);
        refreshVolumeState();
    });
    connect(m_documents, &DocumentSet::frameRequested, this, [this](int k) {
        if (isVolume()) showSlice(k, false);
    });
    connect(m_documents, &DocumentSet::modified, this, &MainWindow::scheduleAutosave);
    m_loop = new LoopRunner(this);
    connect(m_loop, &LoopRunner::epoch, this, [this](int e, double loss, double dice) {
        if (m_trainDialog) m_trainDialog->addEpoch(e, loss, dice);
        Q_EMIT trainingEpoch(e, loss, dice);
    });
    connect(m_loop, &LoopRunner::progress, this, [this](const QString& phase, int done, int total, double eta) {
        if (m_trainDialog) m_trainDialog->showProgress(phase, done, total, eta);
    });
    connect(m_loop, &LoopRunner::finished, this, &MainWindow::onRoundFinished);
    connect(&m_saver, &ProjectSaver::saved, this, [this](const QString& path) { Q_EMIT saved(path); });
    connect(&m_saver, &ProjectSaver::failed, this, [this](const QString& error) {
        m_lastError = error;
        statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 15000);
    });

    m_browser = new ImageBrowser(this);
    auto* dock = new QDockWidget(tr("Images"), this);
    dock->setObjectName(QStringLiteral("imagesDock"));
    dock->setWidget(m_browser->withLegend(dock));
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    connect(m_browser, &ImageBrowser::currentRowChanged, this, &MainWindow::onBrowserItem);

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
        if (!r.error.isEmpty() || !r.document || !m_modelReady) return;
        Q_EMIT requestPrefetch(QString::fromStdString(r.document->embeddingKey(0, "")), rgbToQImage(r.document->modelView(0).rgb));
    });

    m_passViewer = new PassViewer(this);
    auto* passDock = new QDockWidget(tr("SAM-SP Passes"), this);
    passDock->setObjectName(QStringLiteral("passesDock"));
    passDock->setWidget(m_passViewer);
    addDockWidget(Qt::RightDockWidgetArea, passDock);
    connect(m_passViewer, &PassViewer::passSelected, this, &MainWindow::showPass);
    connect(m_passViewer, &PassViewer::usePass, this, [this](int i) {
        if (!m_doc || i < 0 || i >= m_doc->proposal().passes.size()) return;
        m_doc->usePass(i);
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
        if (!m_doc || row < 0 || row == m_doc->active()) return;
        m_doc->setActive(row);
        // The label list follows the instance (a view change, not a label change).
        m_currentLabel = m_doc->instance(row).labelId;
        for (int r = 0; r < m_labels->count(); ++r)
            if (m_labels->item(r)->data(Qt::UserRole).toInt() == m_currentLabel) {
                m_labels->blockSignals(true);
                m_labels->setCurrentRow(r);
                m_labels->blockSignals(false);
            }
    });

    m_statusTimes = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusTimes);

    // Volumes: slice slider under the canvas, with the per-slice state strip under it.
    m_volumeBar = new VolumeBar(this);
    m_slice = m_volumeBar->slider();
    m_sliceStrip = m_volumeBar->strip();
    m_sliceLabel = m_volumeBar->label();
    addToolBar(Qt::BottomToolBarArea, m_volumeBar);
    m_volumeBar->setVisible(false);
    connect(m_slice, &QSlider::valueChanged, this, [this](int k) {
        if (isVolume() && k != m_doc->frame()) showSlice(k, true);
    });
    connect(m_canvas, &ImageCanvas::sliceStep, this, [this](int d) { m_slice->setValue(m_slice->value() + d); });
    // The display window is free: it changes what the user sees, never what the model
    // sees (the document's pixels keep the model's window).
    connect(m_canvas, &ImageCanvas::windowDrag, this, [this](double dy, double dx) {
        if (!isVolume()) return;
        const double scale = std::max(1.0, m_window.width / 256.0);
        m_window.center -= dy * scale;
        m_window.width = std::max(1.0, m_window.width + dx * scale);
        showSlice(m_doc->frame(), false);
    });
    connect(m_canvas, &ImageCanvas::cursorMoved, this, [this](const QPointF& p) {
        m_cursor = p;
        m_statusCursor->setText(cursorReadout());
    });

    // Canvas gestures go to the checked tool, acting on the active document.
    auto withTool = [this](auto&& call) {
        Tool* t = activeTool();
        if (!t || !m_doc || m_currentImage.isNull()) return;
        ToolContext c{m_doc, m_currentLabel, m_canvas->brushRadius(), [this] { requestRefinement(); }};
        call(*t, c);
    };
    connect(m_canvas, &ImageCanvas::pointClicked, this,
            [withTool](const QPointF& p, int label) { withTool([&](Tool& t, ToolContext& c) { t.pointClicked(c, p, label); }); });
    connect(m_canvas, &ImageCanvas::boxDrawn, this,
            [withTool](const QRectF& r) { withTool([&](Tool& t, ToolContext& c) { t.boxDrawn(c, r); }); });
    connect(m_canvas, &ImageCanvas::strokeStarted, this, [withTool] { withTool([&](Tool& t, ToolContext& c) { t.strokeStarted(c); }); });
    connect(m_canvas, &ImageCanvas::strokeSegment, this, [withTool](const QPointF& a, const QPointF& b, bool) {
        withTool([&](Tool& t, ToolContext& c) { t.strokeSegment(c, a, b); });
    });
    connect(m_canvas, &ImageCanvas::strokeFinished, this, [withTool](bool) { withTool([&](Tool& t, ToolContext& c) { t.strokeFinished(c); }); });
    connect(m_canvas, &ImageCanvas::polygonFinished, this,
            [withTool](const QPolygonF& poly) { withTool([&](Tool& t, ToolContext& c) { t.polygonFinished(c, poly); }); });

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
    connectVolumeWork();
    connect(m_worker, &InferenceWorker::modelLoaded, this, &MainWindow::onModelLoaded);
    connect(m_worker, &InferenceWorker::modelFailed, this, &MainWindow::onModelFailed);
    connect(m_worker, &InferenceWorker::proposalReady, this, &MainWindow::onProposal);
    connect(m_worker, &InferenceWorker::proposalFailed, this, &MainWindow::onProposalFailed);
    connect(m_worker, &InferenceWorker::decodeReady, this, &MainWindow::onDecoded);
    m_inferenceThread.setObjectName(QStringLiteral("inference"));
    m_inferenceThread.start();

    // Changes are written a moment after the last one, on a worker (never per key press).
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(2000);
    connect(&m_autosave, &QTimer::timeout, this, &MainWindow::saveInBackground);

    loadProposalSettings();

    createActions();
    setStatusModel();
    m_project.labels = annotation::LabelSet::defaults();
    populateLabels();
    resize(1320, 840);
    setMinimumSize(760, 520); // below this the docks would cover the canvas
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

const Proposal& MainWindow::proposal() const
{
    static const Proposal none;
    return m_doc ? m_doc->proposal() : none;
}

Tool* MainWindow::activeTool() const
{
    const QAction* a = m_toolActions ? m_toolActions->checkedAction() : nullptr;
    for (const auto& t : m_tools)
        if (a && a->objectName() == t->id()) return t.get();
    return nullptr;
}

// ---- documents -------------------------------------------------------------------

void MainWindow::activate(AnnotationDocument* doc)
{
    m_doc = doc;
    m_documents->setActive(doc);
}

void MainWindow::leaveDocument()
{
    if (!m_doc) return;
    if (m_doc->commitAll()) m_dirty = true;
    m_doc->releasePixels();
    activate(nullptr);
    if (m_dirty) scheduleAutosave();
}

void MainWindow::dropDocuments()
{
    activate(nullptr);
    m_documents->clear();
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
    if (!m_reproposeKeys.empty()) startBackgroundProposals();
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
    if (!m_modelReady || m_currentImage.isNull() || !m_doc || !m_doc->pixels()) return;
    m_passViewer->clear(tr("Proposing ..."));
    // The document names its content (file, size, time, frame, the model's window).
    Q_EMIT requestProposal(m_generation, m_currentPath, m_doc->embeddingKey(), m_doc->modelInput(), m_settings);
}

void MainWindow::onProposal(const Proposal& p)
{
    if (p.generation != m_generation || !m_doc) return; // stale: the user already moved on
    m_statusTimes->setText(p.embeddingCached ? tr("encode: precomputed, SAM-SP %1 ms").arg(p.decodeMs, 0, 'f', 0)
                                             : tr("encode %1 ms, SAM-SP %2 ms").arg(p.encodeMs, 0, 'f', 0).arg(p.decodeMs, 0, 'f', 0));
    // A person's work is never replaced by a proposal (the document decides). Taken, its
    // signals have refreshed the instances, the overlay and the slice strip already.
    const bool taken = m_doc->takeProposal(p, m_currentLabel, m_currentKey.toStdString() + "@" + m_modelId.toStdString());
    if (taken) m_browser->updateState(m_currentKey);
    m_passViewer->setProposal(p); // selects the final pass
    if (!taken) {
        refreshVolumeState();
        refreshOverlay(); // the kept mask (not a preview of the final pass) with this proposal's prompts
    }
    if (!p.found && !m_doc->hasMask()) m_canvas->clearOverlay();
    Q_EMIT proposalShown(p.path);
    prefetchNext();
    if (m_rangeQueue.isEmpty()) return;
    m_rangeQueue.pop_front();
    ++m_rangeDone;
    if (!p.found) ++m_rangeNoObject;
    if (m_rangeQueue.isEmpty()) {
        finishSliceRange(false);
        Q_EMIT sliceRangeDone(m_rangeTotal);
        return;
    }
    statusBar()->showMessage(tr("Proposing slice %1 (%2 left) ...").arg(m_rangeQueue.front() + 1).arg(m_rangeQueue.size()));
    QTimer::singleShot(0, this, [this] {
        if (!m_rangeQueue.isEmpty()) showSlice(m_rangeQueue.front(), true);
    });
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
    if (row < 0 || row + 1 >= m_browser->count() || isVolume()) return;
    if (m_browser->rowData(row + 1, ImageBrowser::SeriesRole).toInt() >= 0) return;
    if (m_prefetchWatcher.isRunning()) return;
    m_prefetchWatcher.setFuture(QtConcurrent::run(loadImageOnWorker, 0, m_browser->rowData(row + 1, ImageBrowser::PathRole).toString()));
}

void MainWindow::showPass(int index)
{
    if (!m_doc || index < 0 || index >= m_doc->proposal().passes.size()) return;
    const PassView& v = m_doc->proposal().passes[index];
    // The result (what is saved) is the instance's mask; another pass is a preview.
    if (index == m_doc->usedPass() && m_doc->hasMask()) {
        refreshOverlay();
        return;
    }
    m_canvas->setOverlay(v.mask, v.box, v.points, labelColour(m_currentLabel));
    m_overlayShowsActive = false; // a preview of another pass
}

void MainWindow::refreshOverlay()
{
    m_overlayShowsActive = false;
    if (m_currentImage.isNull() || !m_doc) return;
    if (!m_doc->hasMask()) {
        m_canvas->clearOverlay();
        return;
    }
    // Prompts shown: the user's own, else those of the pass that made the mask.
    const Prompts& pr = m_doc->prompts();
    std::optional<QRectF> box = pr.box;
    QVector<QPointF> points = pr.points;
    QVector<int> labels = pr.labels;
    const int used = m_doc->usedPass();
    const auto& passes = m_doc->proposal().passes;
    if (pr.empty() && used >= 0 && used < passes.size() && !m_doc->activeEdited()) {
        box = passes[used].box;
        points = passes[used].points;
        labels.clear();
    }
    m_canvas->setOverlay(maskToQImage(m_doc->activeMask()), box, points, instanceColour(m_doc->active()), labels);
    m_overlayShowsActive = true;
    if (m_doc->instanceCount() < 2) return;
    // The other instances, under the active one, each in its own colour.
    QVector<QImage> masks;
    QVector<QColor> colours;
    for (int k = 0; k < m_doc->instanceCount(); ++k)
        if (k != m_doc->active()) masks.push_back(maskToQImage(m_doc->mask(k))), colours.push_back(instanceColour(k));
    m_canvas->setOtherInstances(masks, colours);
}

void MainWindow::requestRefinement()
{
    const Proposal& prop = proposal();
    if (!m_modelReady || !m_doc || prop.generation != m_generation || prop.passes.isEmpty()) {
        statusBar()->showMessage(tr("Points and boxes need the image's embedding: wait for the proposal."), 5000);
        return;
    }
    if (m_doc->active() < 0) m_doc->addInstance(m_currentLabel);
    Prompts& pr = m_doc->prompts();
    if (!pr.startDecided) {
        // The first click fixes what the clicks correct: the mask on screen, as it is now.
        // SAM-SP's pass, when the proposal's instance still shows that pass's own output
        // (its logits, as `samsp eval --interactive` measures); else any mask on screen
        // (edited by hand, or read from a file: its binary mask); else nothing (a new
        // instance starts clean).
        pr.startDecided = true;
        const bool onProposal = m_doc->active() >= 0 && !m_doc->instance(m_doc->active()).traceId.empty();
        const int used = m_doc->usedPass();
        const cv::Mat& shown = m_doc->activeMask();
        const auto sameAs = [&](const QImage& q) {
            const cv::Mat m = qimageToMask(q);
            return m.size() == shown.size() && cv::countNonZero(shown != m) == 0;
        };
        if (onProposal && prop.found && used >= 0 && used < prop.passes.size() && sameAs(prop.passes[used].mask))
            pr.startPass = used;
        else if (!shown.empty() && cv::countNonZero(shown) > 0)
            pr.startMask = maskToQImage(shown);
    }
    DecodeRequest r;
    r.generation = m_generation;
    r.points = pr.points;
    r.labels = pr.labels;
    r.box = pr.box;
    r.clipToBox = pr.box.has_value();
    if (!pr.box) { // a box of the user's own starts afresh: the box and the points alone
        r.startPass = pr.startPass;
        if (pr.startPass >= 0 && pr.startPass < prop.passes.size()) r.startBox = prop.passes[pr.startPass].box;
        r.startMask = pr.startMask;
    }
    Q_EMIT requestDecode(r);
}

void MainWindow::onDecoded(const DecodeResult& r)
{
    if (r.generation != m_generation || !m_doc) return;
    m_doc->setRefinedMask(qimageToMask(r.mask), tr("Refine with prompts"), m_currentLabel);
    m_statusTimes->setText(tr("decode %1 ms, predicted IoU %2")
                               .arg(r.ms, 0, 'f', 0)
                               .arg(r.predictedIou ? QString::number(*r.predictedIou, 'f', 3) : tr("not calibrated")));
    refreshOverlay();
    Q_EMIT maskRefined(r.ms);
}

void MainWindow::clearPrompts()
{
    if (m_doc) m_doc->clearPrompts();
    refreshOverlay();
}

// ---- instances and labels ----------------------------------------------------------

void MainWindow::newInstance()
{
    if (!m_doc || m_currentImage.isNull()) return;
    m_doc->addInstance(m_currentLabel);
    statusBar()->showMessage(tr("New instance: draw it, or click points / drag a box."), 5000);
}

void MainWindow::deleteInstance()
{
    if (m_doc && m_doc->active() >= 0) m_doc->deleteInstance(m_doc->active());
}

void MainWindow::refreshInstances()
{
    m_instanceList->blockSignals(true);
    m_instanceList->clear();
    const QString sources[3] = {tr("automatic"), tr("edited"), tr("manual")};
    for (int k = 0; k < instanceCount(); ++k) {
        const auto& in = m_doc->instance(k);
        const auto* c = m_project.labels.find(in.labelId);
        QPixmap pm(12, 12);
        pm.fill(instanceColour(k));
        m_instanceList->addItem(new QListWidgetItem(QIcon(pm), QStringLiteral("#%1 %2 — %3")
                                                                   .arg(in.id)
                                                                   .arg(c ? QString::fromStdString(c->name) : QString::number(in.labelId))
                                                                   .arg(sources[static_cast<int>(in.source)])));
    }
    if (activeInstance() >= 0) m_instanceList->setCurrentRow(activeInstance());
    m_instanceList->blockSignals(false);
}

QColor MainWindow::instanceColour(int k) const
{
    if (!m_doc || k < 0 || k >= m_doc->instanceCount()) return labelColour(m_currentLabel);
    const int label = m_doc->instance(k).labelId;
    int rank = 0; // earlier instances of the same label
    for (int j = 0; j < k; ++j) rank += m_doc->instance(j).labelId == label ? 1 : 0;
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
    if (m_doc && m_doc->active() >= 0) m_doc->setLabel(m_doc->active(), labelId); // one undo step
    for (int r = 0; r < m_labels->count(); ++r)
        if (m_labels->item(r)->data(Qt::UserRole).toInt() == labelId && m_labels->currentRow() != r) m_labels->setCurrentRow(r);
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
        m_labels->blockSignals(true);
        m_labels->setCurrentRow(0);
        m_labels->blockSignals(false);
    }
}

void MainWindow::applyMaskOp(const QString& name)
{
    if (!m_doc || !m_doc->hasMask()) return;
    const cv::Mat& cur = m_doc->activeMask();
    cv::Mat m;
    if (name == QLatin1String("fill")) m = annotation::fillHoles(cur);
    else if (name == QLatin1String("islands")) m = annotation::largestComponent(cur);
    else if (name == QLatin1String("clean")) m = annotation::morphologicalCleanup(cur, 2);
    else if (name == QLatin1String("clear")) m = cv::Mat::zeros(cur.size(), CV_8UC1);
    else return;
    m_doc->setMask(m, name == QLatin1String("fill") ? tr("Fill holes")
                      : name == QLatin1String("islands") ? tr("Remove islands")
                      : name == QLatin1String("clean") ? tr("Clean up")
                                                       : tr("Clear mask"));
}

// ---- saving -------------------------------------------------------------------------

bool MainWindow::saveNow()
{
    if (m_doc && m_doc->commitAll()) m_dirty = true;
    m_autosave.stop();
    if (m_projectPath.empty()) return false;
    m_saver.save(m_project, m_projectPath);
    QString error;
    if (!m_saver.flush(&error)) {
        m_lastError = error;
        return false;
    }
    m_dirty = false;
    return true;
}

void MainWindow::saveInBackground()
{
    if (m_doc && m_doc->commitAll()) m_dirty = true;
    if (m_projectPath.empty() || !m_dirty) return;
    m_saver.save(m_project, m_projectPath); // a snapshot; written on a worker
    m_dirty = false;
}

void MainWindow::scheduleAutosave()
{
    m_dirty = true;
    m_autosave.start();
}

} // namespace samsp::ui
