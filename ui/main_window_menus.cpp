// MainWindow: menus, actions and their shortcuts, settings, About, and the
// labelling loop's round (train on accepted items in the background).
#include "main_window.h"
#include "qt_convert.h"

#include "pipeline/format_registry.h"

#include "about_dialog.h"
#include "batch_dialog.h"
#include "document_set.h"
#include "image_browser.h"
#include "image_canvas.h"
#include "loop_runner.h"
#include "model_manager.h"
#include "pass_viewer.h"
#include "settings_dialog.h"
#include "train_dialog.h"
#include "tools/tool.h"

#include "model/runtime_info.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMap>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoGroup>

#include <spdlog/spdlog.h>
#include <QtConcurrent/QtConcurrentRun>

namespace samsp::ui {

namespace fs = std::filesystem;

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
    shortcut(file->addAction(tr("&Import Segmentation..."), this, &MainWindow::importSegmentationDialog),
             QStringLiteral("importSegmentation"), QKeySequence(tr("Ctrl+Shift+I")));
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
                 // The studio's own model on its inference thread: no second copy of the weights.
                 BatchDialog dlg(QString::fromStdString(m_root.string()), m_modelReady ? m_worker : nullptr,
                                 QFileInfo(m_modelPath).fileName(), m_settings, this);
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
    // Undo and redo act on the active document's own stack.
    QAction* undo = m_documents->undoGroup()->createUndoAction(this, tr("&Undo"));
    shortcut(undo, QStringLiteral("undo"), QKeySequence::Undo);
    edit->addAction(undo);
    QAction* redo = m_documents->undoGroup()->createRedoAction(this, tr("&Redo"));
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
    // One action per registered tool (ui/tools/registry.cpp).
    m_toolActions = new QActionGroup(this);
    m_tools = samsp::ui::createTools();
    for (const auto& t : m_tools) {
        QAction* a = tools->addAction(t->text());
        a->setCheckable(true);
        shortcut(a, t->id(), t->defaultShortcut());
        m_toolActions->addAction(a);
        toolBar->addAction(a);
        const ImageCanvas::Tool gesture = t->gesture();
        connect(a, &QAction::triggered, this, [this, gesture] { m_canvas->setTool(gesture); });
        if (gesture == ImageCanvas::Tool::Pan) a->setChecked(true);
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
            if (!isVolume()) return;
            m_window = *imaging::windowPreset(name);
            showSlice(m_doc->frame(), false);
        });
    }
    presets->addAction(tr("Automatic"), this, [this] {
        if (!isVolume() || !m_doc->pixels()) return;
        m_window = imaging::autoWindow(m_doc->pixels()->pixels(m_doc->frame()));
        showSlice(m_doc->frame(), false);
    });
    presets->addSeparator();
    presets->addAction(tr("Use This Window as the Model's Input"), this, [this] {
        if (!isVolume()) return;
        setModelWindow(m_window);
        statusBar()->showMessage(tr("The model now sees W %1 L %2; new proposals use it.")
                                     .arg(m_window.width, 0, 'f', 0)
                                     .arg(m_window.center, 0, 'f', 0),
                                 8000);
        proposeCurrent();
    });

    QMenu* sam = menuBar()->addMenu(tr("&SAM-SP"));
    shortcut(sam->addAction(tr("&Propose Again"), this, [this] {
                 if (!m_doc) return;
                 m_doc->proposeAgain(); // undoable: the instances come back
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

    shortcut(sam->addAction(tr("Propagate &Through Slices"), this, &MainWindow::propagateFromCurrent), QStringLiteral("propagate"),
             QKeySequence(tr("Ctrl+Shift+P")));

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
    // The runtime probe (CUDA, BLAS, CPU flags) can take a while where a GPU driver
    // starts up: it runs on a worker and the status bar says the result when it comes,
    // unless a model has been loaded meanwhile (its own text is more precise).
    m_statusModel->setText(tr("Device: ..."));
    auto* watcher = new QFutureWatcher<model::RuntimeInfo>(this);
    connect(watcher, &QFutureWatcher<model::RuntimeInfo>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (m_modelReady || !m_modelPath.isEmpty()) return;
        const auto info = watcher->result();
        QString text = info.cudaAvailable ? tr("Device: %1").arg(QString::fromStdString(info.device))
                                          : tr("Device: CPU, %n thread(s)", nullptr, info.threads);
        if (info.blas.slowReference) text += QStringLiteral("  ") + tr("(slow reference BLAS: see Help > About)");
        m_statusModel->setText(text);
    });
    watcher->setFuture(QtConcurrent::run([] { return model::runtimeInfo(false); }));
}

void MainWindow::showAbout()
{
    AboutDialog dlg(this);
    dlg.setModel(m_modelPath, m_modelId);
    dlg.exec();
}

void MainWindow::loadProposalSettings()
{
    QSettings st;
    m_settings.passes = st.value(QStringLiteral("samsp/passes"), m_settings.passes).toInt();
    m_settings.useBox = st.value(QStringLiteral("samsp/box"), m_settings.useBox).toBool();
    m_settings.useMask = st.value(QStringLiteral("samsp/mask"), m_settings.useMask).toBool();
    m_settings.usePoint = st.value(QStringLiteral("samsp/point"), m_settings.usePoint).toBool();
    m_settings.earlyStopIou = st.value(QStringLiteral("samsp/earlyStopIou"), m_settings.earlyStopIou).toDouble();
    m_settings.largestComponent = st.value(QStringLiteral("samsp/largestComponent"), m_settings.largestComponent).toBool();
    m_settings.minIslandFraction = st.value(QStringLiteral("samsp/minIslandFraction"), m_settings.minIslandFraction).toDouble();
    const QString keep = st.value(QStringLiteral("samsp/keep"), QString::fromLatin1(model::keepPassName(m_settings.keep))).toString();
    if (auto k = model::parseKeepPass(keep.toStdString())) m_settings.keep = *k;
    else spdlog::warn("settings: samsp/keep is \"{}\", neither \"last\" nor \"best-iou\"; keeping \"{}\"", keep.toStdString(),
                      model::keepPassName(m_settings.keep));
}

void MainWindow::showSettings()
{
    SettingsDialog dlg(m_settings, findChildren<QAction*>(), this);
    if (dlg.exec() != QDialog::Accepted) return;
    m_settings = dlg.proposalSettings();
    QSettings st;
    st.setValue(QStringLiteral("samsp/passes"), m_settings.passes);
    st.setValue(QStringLiteral("samsp/box"), m_settings.useBox);
    st.setValue(QStringLiteral("samsp/mask"), m_settings.useMask);
    st.setValue(QStringLiteral("samsp/point"), m_settings.usePoint);
    st.setValue(QStringLiteral("samsp/earlyStopIou"), m_settings.earlyStopIou);
    st.setValue(QStringLiteral("samsp/largestComponent"), m_settings.largestComponent);
    st.setValue(QStringLiteral("samsp/minIslandFraction"), m_settings.minIslandFraction);
    st.setValue(QStringLiteral("samsp/keep"), QString::fromLatin1(model::keepPassName(m_settings.keep)));
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

void MainWindow::importSegmentationDialog()
{
    QStringList patterns;
    for (const auto& f : pipeline::outputFormats())
        if (f.readOver) patterns << QString::fromStdString(f.filePatterns);
    const QString f = QFileDialog::getOpenFileName(this, tr("Import Segmentation"), QString(),
                                                   tr("DICOM SEG or NIfTI label volumes (%1)").arg(patterns.join(QLatin1Char(' '))));
    if (!f.isEmpty()) importSegmentation(f);
}

void MainWindow::openImageDialog()
{
    const QString f = QFileDialog::getOpenFileName(this, tr("Open Image"), QString(),
                                                   tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.dcm)"));
    if (!f.isEmpty()) openFile(f);
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
    if (m_doc) m_doc->commitAll();
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
    if (m_doc) m_doc->commitAll();
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

void MainWindow::startBackgroundProposals()
{
    ReproposeJob job;
    for (const auto& key : m_reproposeKeys) {
        const auto* it = m_project.find(key);
        if (!it || it->state != pipeline::ItemState::New) continue;
        fs::path file = it->file;
        if (file.is_relative()) file = m_projectPath.parent_path() / file;
        job.items.push_back({QString::fromStdString(key), QString::fromStdString(file.string()), it->frame});
    }
    m_reproposeKeys.clear();
    job.settings = m_settings;
    m_reproposing = job.cancel;
    statusBar()->showMessage(tr("Proposing %n item(s) again in the background, most uncertain first...", "", static_cast<int>(job.items.size())));
    Q_EMIT requestRepropose(job);
}

void MainWindow::onItemReproposed(const ReproposedItem& r)
{
    auto* it = m_project.find(r.key.toStdString());
    // Only what is still untouched: the user may have opened, edited or reviewed it meanwhile.
    if (!it || it->state != pipeline::ItemState::New || pipeline::touchedByAPerson(*it) || r.modelId != m_modelId) return;
    if (!r.error.isEmpty()) {
        it->error = r.error.toStdString();
        return;
    }
    annotation::ImageAnnotation a;
    a.image = it->key;
    a.frame = it->frame;
    if (r.found) {
        const cv::Mat m = qimageToMask(r.mask);
        a.width = m.cols, a.height = m.rows;
        a.addInstance(m, m_currentLabel, annotation::Source::Automatic, r.predictedIou, it->key + "@" + r.modelId.toStdString(),
                      r.finalPass);
    }
    it->annotation = std::move(a);
    it->state = pipeline::ItemState::Proposed;
    it->error.clear();
    m_documents->reload(it->key);
    m_browser->updateState(QString::fromStdString(it->key));
    scheduleAutosave();
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
    if (m_doc) m_doc->commitAll();
    std::error_code ec;
    const fs::path rel = fs::relative(r.model.toStdString(), m_projectPath.parent_path(), ec);
    m_project.model.checkpoint = ec ? r.model.toStdString() : rel.generic_string();
    int reproposed = 0;
    std::vector<std::pair<double, std::string>> order; // the old proposal's certainty, the key
    for (auto& it : m_project.items) {
        if (it.state != pipeline::ItemState::Proposed && it.state != pipeline::ItemState::New) continue;
        if (pipeline::touchedByAPerson(it)) continue;
        double certainty = 2.0; // never proposed: after the uncertain ones
        for (const auto& in : it.annotation.instances) certainty = std::min(certainty, in.score.value_or(1.5));
        if (it.state == pipeline::ItemState::Proposed) ++reproposed;
        it.annotation.instances.clear();
        it.state = pipeline::ItemState::New;
        m_documents->reload(it.key); // read again when shown
        // Slices of a series are proposed when shown (the series' own window); the rest
        // in the background once the new model is loaded.
        if (it.seriesInstanceUid.empty() && it.key != m_currentKey.toStdString()) order.emplace_back(certainty, it.key);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (m_reproposing) m_reproposing->store(true); // a previous round's queue gives way
    m_reproposeKeys.clear();
    for (auto& o : order) m_reproposeKeys.push_back(std::move(o.second));
    m_browser->updateAllStates();
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

} // namespace samsp::ui
