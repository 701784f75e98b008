// MainWindow: opening folders, files and projects, loading images and series
// into their documents, reviewing and walking items and slices, and exporting. (Construction, proposals
// and editing are in main_window.cpp; menus in main_window_menus.cpp.)
#include "main_window.h"

#include "document_set.h"
#include "export_dialog.h"
#include "image_browser.h"
#include "image_canvas.h"
#include "pass_viewer.h"
#include "qt_convert.h"
#include "slice_strip.h"
#include "tools/tool.h"

#include "pipeline/dataset_export.h"
#include "pipeline/format_registry.h"
#include "pipeline/items.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

#include <map>

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

LoadedImage loadSeriesOnWorker(quint64 generation, QString label, imaging::DicomSeries series)
{
    LoadedImage r;
    r.generation = generation;
    r.path = label;
    try {
        r.document = std::make_shared<imaging::Document>(imaging::Document::openSeries(series));
        r.document->maxViewSide = 0; // the studio shows and proposes at full size
        r.summary = QObject::tr("%1 slice(s) of %2 x %3, %4")
                        .arg(r.document->frameCount())
                        .arg(r.document->info().width)
                        .arg(r.document->info().height)
                        .arg(QString::fromStdString(series.modality));
    } catch (const std::exception& e) {
        r.error = errorText(e); // in the interface's language
    }
    return r;
}
} // namespace

LoadedImage loadImageOnWorker(quint64 generation, QString path)
{
    LoadedImage r;
    r.generation = generation;
    r.path = path;
    try {
        const auto [file, frame] = splitFrame(path);
        r.document = std::make_shared<imaging::Document>(imaging::Document::openFrame(file.toStdString(), frame));
        r.document->maxViewSide = 0;
        r.image = rgbToQImage(imaging::toRgb8(r.document->pixels(0), r.document->window, r.document->invert));
        r.summary = summaryOf(r.document->info());
    } catch (const std::exception& e) {
        r.error = errorText(e); // in the interface's language
    }
    return r;
}

namespace {
FolderListing listFolderOnWorker(std::vector<fs::path> inputs, fs::path root, fs::path projectPath)
{
    FolderListing l;
    l.root = root;
    l.projectPath = projectPath;
    l.items = pipeline::enumerateBatchItems(inputs, &l.problems);
    l.project.name = root.filename().string();
    l.project.sources.push_back({"folder", root.string(), ""});
    if (fs::exists(projectPath)) {
        try {
            l.project = pipeline::Project::load(projectPath);
        } catch (const std::exception& e) {
            l.projectError = errorText(e).toStdString(); // in the interface's language
        }
    }
    std::map<std::string, std::vector<imaging::DicomInfo>> seriesInfos;
    for (const auto& it : l.items) {
        if (!l.project.find(it.key)) l.project.upsert(pipeline::projectItemFor(it));
        if (!it.seriesInstanceUid.empty() && it.frame == 0) {
            try {
                seriesInfos[it.seriesInstanceUid].push_back(imaging::readDicomInfo(it.file));
            } catch (const std::exception&) {
            }
        }
    }
    for (auto& [uid, infos] : seriesInfos)
        for (auto& s : imaging::groupSeries(infos)) l.series.push_back(std::move(s));
    l.project.sortItems();
    return l;
}
} // namespace

MainWindow::~MainWindow()
{
    if (m_listing) m_listing->waitForFinished();
    if (m_propagation) m_propagation->store(true); // the inference thread stops after its slice
    if (m_reproposing) m_reproposing->store(true);
    m_importing.waitForFinished();
    m_watcher.waitForFinished();
    m_prefetchWatcher.waitForFinished();
    // Whatever was not written yet is written now (a window closed without closeEvent).
    if (m_dirty || m_autosave.isActive() || (m_doc && m_doc->commitAll())) saveNow();
    m_saver.flush();
    dropDocuments(); // before the project they point to
    m_inferenceThread.quit();
    m_inferenceThread.wait();
}

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
    const fs::path root = fs::absolute(folder.toStdString()).lexically_normal();
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        m_lastError = tr("'%1' is not a folder.").arg(folder);
        statusBar()->showMessage(m_lastError, 8000);
        return false;
    }
    // The project: beside the images when the folder is writable, else in the user's data folder.
    fs::path projectPath = root / "project.samsp.json";
    if (!m_projectStore.isEmpty() || (!fs::exists(projectPath) && ::access(root.c_str(), W_OK) != 0))
        projectPath = projectInDataFolder(root);
    startListing({root}, root, projectPath, folder);
    return true;
}

void MainWindow::startListing(const std::vector<fs::path>& inputs, const fs::path& root, const fs::path& projectPath,
                              const QString& what)
{
    if (m_reproposing) m_reproposing->store(true); // the previous project's background proposals end
    m_reproposeKeys.clear();
    saveNow();
    leaveDocument();
    dropDocuments();
    m_browser->clearAll();
    // Listed on a worker; the window stays live and onFolderListed() goes on from there.
    if (m_listing) m_listing->waitForFinished();
    m_listing = std::make_unique<QFutureWatcher<FolderListing>>();
    connect(m_listing.get(), &QFutureWatcher<FolderListing>::finished, this, &MainWindow::onFolderListed);
    m_statusImage->setText(tr("Listing %1 ...").arg(what));
    m_listing->setFuture(QtConcurrent::run(listFolderOnWorker, inputs, root, projectPath));
}

bool MainWindow::openFile(const QString& f)
{
    // That file alone: its folder is not listed, and its project lives in the data folder.
    const fs::path file = fs::absolute(f.toStdString()).lexically_normal();
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        m_lastError = tr("'%1' is not a file.").arg(f);
        statusBar()->showMessage(m_lastError, 8000);
        return false;
    }
    startListing({file}, file.parent_path(), projectInDataFolder(file), f);
    return true;
}

bool MainWindow::openProject(const QString& projectFile)
{
    try {
        auto p = std::make_shared<pipeline::Project>(pipeline::Project::load(projectFile.toStdString()));
        fs::path root = fs::path(projectFile.toStdString()).parent_path();
        if (!p->sources.empty() && p->sources.front().kind == "folder" && fs::is_directory(p->sources.front().path))
            root = p->sources.front().path;
        if (!openFolder(QString::fromStdString(root.string()))) return false;
        // The project file given wins over one found beside the images.
        const fs::path path = fs::absolute(projectFile.toStdString());
        m_afterListing = [this, p, path] {
            m_projectPath = path;
            for (const auto& item : p->items) m_project.upsert(item);
            m_project.labels = p->labels;
            m_project.sortItems();
            populateLabels();
            m_browser->updateAllStates();
        };
        return true;
    } catch (const std::exception& e) {
        m_lastError = errorText(e);
        QMessageBox::warning(this, tr("Open Project"), m_lastError);
        return false;
    }
}

void MainWindow::onFolderListed()
{
    FolderListing l = m_listing->result();
    auto after = std::move(m_afterListing);
    m_afterListing = nullptr;
    if (l.items.empty()) {
        // Nothing of the previous folder stays on screen or in reach of Save.
        m_lastError = tr("'%1' holds no supported images (PNG, JPEG, TIFF, BMP, WebP) or DICOM files.")
                          .arg(QString::fromStdString(l.root.string()));
        forgetProject();
        showNothing(tr("No image"));
        statusBar()->showMessage(m_lastError, 8000);
        Q_EMIT folderOpened(false);
        return;
    }
    m_root = l.root;
    m_projectPath = l.projectPath;
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
            const QString why = systemErrorText(ec.value());
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
    m_browser->populate(l.items, std::move(l.series), &m_project, m_root);
    for (const auto& p : l.problems) statusBar()->showMessage(QString::fromStdString(p), 8000);
    if (after) after();
    Q_EMIT folderOpened(true);
    m_browser->setCurrentRow(0);
}

void MainWindow::showNothing(const QString& message)
{
    m_latest->store(++m_generation); // results still on their way are for something else
    leaveDocument();
    m_volumeBar->setVisible(false);
    m_canvas->setVolumeMode(false);
    m_canvas->clear();
    m_currentImage = QImage();
    refreshInstances();
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
    leaveDocument();
    dropDocuments();
    m_browser->clearAll();
    m_project = pipeline::Project();
    m_projectPath.clear();
    m_root.clear();
    m_dirty = false;
    m_autosave.stop();
    populateLabels();
}

void MainWindow::onBrowserItem(int row)
{
    if (row < 0) return;
    leaveDocument();
    m_passViewer->clear(tr("Loading ..."));
    m_statusCursor->clear();
    m_canvas->clearOverlay();
    refreshInstances();
    m_latest->store(++m_generation);
    const int series = m_browser->rowData(row, ImageBrowser::SeriesRole).toInt();
    m_currentSeries = series;
    if (series < 0) {
        const QString path = m_browser->rowData(row, ImageBrowser::PathRole).toString();
        m_currentPath = path;
        m_currentKey = m_browser->rowData(row, ImageBrowser::KeyRole).toString();
        m_volumeBar->setVisible(false);
        m_canvas->setVolumeMode(false);
        m_statusImage->setText(tr("Loading %1 ...").arg(QFileInfo(path.section(QLatin1Char('#'), 0, 0)).fileName()));
        m_watcher.setFuture(QtConcurrent::run(loadImageOnWorker, m_generation, path));
        return;
    }
    m_currentPath = m_browser->rowData(row, ImageBrowser::BaseTextRole).toString();
    m_currentKey.clear();
    m_statusImage->setText(tr("Loading %1 ...").arg(m_currentPath));
    m_watcher.setFuture(QtConcurrent::run(loadSeriesOnWorker, m_generation, m_currentPath,
                                          m_browser->series()[static_cast<size_t>(series)]));
}

void MainWindow::onLoaded()
{
    const LoadedImage r = m_watcher.result();
    if (r.generation != m_generation) return; // the user already moved on
    const int row = m_browser->currentRow();
    if (!r.error.isEmpty()) {
        m_lastError = r.error;
        const QString name = QFileInfo(r.path.section(QLatin1Char('#'), 0, 0)).fileName();
        showNothing(tr("Cannot open %1").arg(name));
        m_currentPath = r.path;
        m_passViewer->clear(tr("%1 cannot be read: %2").arg(name, r.error));
        // The row says so too (own icon, the reason as its tooltip), for as long as the folder is open.
        if (row >= 0 && m_browser->rowData(row, ImageBrowser::PathRole).toString() == r.path) m_browser->markUnreadable(row, r.error);
        statusBar()->showMessage(r.error, 10000);
        m_errorShown = true;
        Q_EMIT imageFailed(r.path, r.error);
        return;
    }
    if (m_errorShown) { // the previous item's error does not belong to this one
        statusBar()->clearMessage();
        m_errorShown = false;
    }
    if (row < 0) return;
    const QString id = m_browser->rowData(row, ImageBrowser::KeyRole).toString();
    if (m_currentSeries >= 0) {
        // A series: one document, a frame per slice.
        std::vector<std::string> keys;
        for (int k = 0; k < r.document->frameCount(); ++k)
            keys.push_back(itemKey(m_root, r.document->frameFile(k), r.document->frameIndexInFile(k)).toStdString());
        AnnotationDocument* doc = m_documents->open(id, std::move(keys), true);
        if (m_modelWindowFixed) r.document->window = m_modelWindow; // else the series' own window
        m_window = r.document->window;
        doc->attachPixels(r.document);
        activate(doc);
        m_slice->blockSignals(true);
        m_slice->setRange(0, doc->frameCount() - 1);
        m_slice->blockSignals(false);
        m_volumeBar->setVisible(true);
        m_canvas->setVolumeMode(true);
        m_canvas->clear();
        m_frameShown = false;
        showSlice(doc->frameCount() / 2, false);
        m_canvas->fitToWindow();
        proposeCurrent();
        m_statusImage->setText(QStringLiteral("%1 — %2").arg(r.path, r.summary));
        setWindowTitle(QStringLiteral("%1 — %2").arg(r.path, tr("SAM-SP Studio")));
        Q_EMIT imageShown(r.path);
        return;
    }
    AnnotationDocument* doc = m_documents->open(id, {m_currentKey.toStdString()}, false);
    doc->attachPixels(r.document);
    activate(doc);
    doc->setFrame(0); // restores a saved annotation as it was left
    m_canvas->setImage(r.image);
    m_currentImage = r.image;
    refreshInstances();
    refreshOverlay();
    m_passViewer->clear(m_modelReady ? tr("Proposing ...") : tr("No model loaded."));
    proposeCurrent();
    const QString name = QFileInfo(r.path.section(QLatin1Char('#'), 0, 0)).fileName();
    m_statusImage->setText(QStringLiteral("%1 — %2").arg(name, r.summary));
    setWindowTitle(QStringLiteral("%1 — %2").arg(name, tr("SAM-SP Studio")));
    Q_EMIT imageShown(r.path);
}

void MainWindow::showSlice(int k, bool propose)
{
    if (!isVolume() || !m_doc->pixels()) return;
    k = std::clamp(k, 0, m_doc->frameCount() - 1);
    const bool newSlice = k != m_doc->frame() || !m_frameShown;
    m_frameShown = true;
    if (newSlice) m_doc->setFrame(k); // commits the slice left
    m_slice->blockSignals(true);
    m_slice->setValue(k);
    m_slice->blockSignals(false);
    m_sliceLabel->setText(tr("%1 / %2  W %3 L %4").arg(k + 1).arg(m_doc->frameCount()).arg(m_window.width, 0, 'f', 0).arg(m_window.center, 0, 'f', 0));
    m_currentImage = rgbToQImage(imaging::toRgb8(m_doc->pixels()->pixels(k), m_window, m_doc->pixels()->invert));
    m_canvas->replaceImage(m_currentImage);
    m_statusCursor->setText(cursorReadout()); // the value under the cursor is this slice's now
    if (!newSlice) {
        refreshVolumeState();
        refreshOverlay();
        return;
    }
    m_currentKey = QString::fromStdString(m_doc->currentKey());
    m_latest->store(++m_generation);
    refreshInstances();
    refreshVolumeState();
    refreshOverlay();
    if (propose) proposeCurrent();
}

QString MainWindow::cursorReadout() const
{
    if (m_cursor.x() < 0 || m_currentImage.isNull()) return {};
    const int x = static_cast<int>(m_cursor.x()), y = static_cast<int>(m_cursor.y());
    if (x < 0 || y < 0 || x >= m_currentImage.width() || y >= m_currentImage.height()) return {};
    if (isVolume() && m_doc->pixels()) {
        const imaging::Document& d = *m_doc->pixels();
        const cv::Mat& px = d.pixels(m_doc->frame());
        const double v = px.channels() == 1 && px.depth() == CV_32F ? px.at<float>(y, x) : px.at<uchar>(y, x * px.channels());
        QString text = tr("x %1, y %2: %3").arg(x).arg(y).arg(v, 0, 'f', 0);
        if (d.series() && d.series()->modality == "CT") text += tr(" HU");
        if (const auto& g = d.geometry()) {
            const auto p = g->toPatient(x, y, m_doc->frame());
            text += tr("  (%1, %2, %3) mm").arg(p[0], 0, 'f', 1).arg(p[1], 0, 'f', 1).arg(p[2], 0, 'f', 1);
        }
        return text;
    }
    const QRgb c = m_currentImage.pixel(x, y);
    return tr("x %1, y %2: RGB %3 %4 %5").arg(x).arg(y).arg(qRed(c)).arg(qGreen(c)).arg(qBlue(c));
}

const imaging::Window& MainWindow::modelWindow() const
{
    if (m_doc && m_doc->pixels() && isVolume()) return m_doc->pixels()->window;
    return m_modelWindow;
}

void MainWindow::setModelWindow(const imaging::Window& w)
{
    m_modelWindow = w;
    m_modelWindowFixed = true;
    if (m_doc && m_doc->pixels() && isVolume()) m_doc->pixels()->window = w;
}

// ---- review and walking items -------------------------------------------------------------------------

void MainWindow::acceptCurrent()
{
    if (m_canvas->hasPendingPolygon() || !m_doc || !m_project.find(m_currentKey.toStdString())) return;
    m_doc->setState(pipeline::ItemState::Accepted); // one undo step on the document
    statusBar()->showMessage(tr("Accepted %1.").arg(m_currentKey), 4000);
    nextImage();
}

void MainWindow::rejectCurrent()
{
    if (m_propagation) { // Esc stops a propagation after the slice in progress
        m_propagation->store(true);
        return;
    }
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
    if (!m_doc || !m_project.find(m_currentKey.toStdString())) return;
    m_doc->setState(pipeline::ItemState::Rejected);
    statusBar()->showMessage(tr("Rejected %1.").arg(m_currentKey), 4000);
    nextImage();
}

void MainWindow::nextImage()
{
    // In a volume, N walks the slices first, then goes on to the next row.
    if (isVolume() && m_doc->frame() + 1 < m_doc->frameCount()) {
        m_slice->setValue(m_doc->frame() + 1);
        return;
    }
    if (m_browser->currentRow() + 1 < m_browser->count()) m_browser->setCurrentRow(m_browser->currentRow() + 1);
}

void MainWindow::previousImage()
{
    if (isVolume() && m_doc->frame() > 0) {
        m_slice->setValue(m_doc->frame() - 1);
        return;
    }
    if (m_browser->currentRow() > 0) m_browser->setCurrentRow(m_browser->currentRow() - 1);
}

void MainWindow::nextUnreviewed()
{
    // The next slice (in a volume), else the next row, that is neither accepted nor rejected.
    auto open = [](int state) { return state == static_cast<int>(pipeline::ItemState::New) || state == static_cast<int>(pipeline::ItemState::Proposed); };
    if (isVolume())
        for (int k = m_doc->frame() + 1; k < m_doc->frameCount(); ++k)
            if (open(sliceState(k))) {
                m_slice->setValue(k);
                return;
            }
    if (const int r = m_browser->nextOpenRow(m_browser->currentRow() + 1); r >= 0) {
        m_browser->setCurrentRow(r);
        return;
    }
    statusBar()->showMessage(tr("Nothing after this is left to review."), 5000);
}

void MainWindow::sortBrowserByUncertainty(bool on)
{
    if (m_doc && m_doc->commitAll()) scheduleAutosave();
    m_browser->sortByUncertainty(on);
    statusBar()->showMessage(on ? tr("Images sorted by uncertainty: least certain first.") : tr("Images sorted by name."), 5000);
}

// ---- volumes ----------------------------------------------------------------------

int MainWindow::sliceState(int k) const
{
    if (!isVolume()) return 0;
    const auto s = m_doc->state(k);
    // The slice on screen counts as proposed once it shows a mask, saved or not.
    if (k == m_doc->frame() && s == pipeline::ItemState::New && m_doc->hasMask()) return 1;
    return static_cast<int>(s);
}

void MainWindow::refreshVolumeState()
{
    if (!isVolume()) return;
    QVector<int> states(m_doc->frameCount());
    for (int k = 0; k < m_doc->frameCount(); ++k) states[k] = sliceState(k);
    m_sliceStrip->setStates(states, m_doc->frame());
    m_browser->updateCurrentState();
}

void MainWindow::proposeSliceRange(int first, int last, bool skipProposed)
{
    if (!isVolume() || !m_modelReady) return;
    first = std::clamp(first, 0, m_doc->frameCount() - 1);
    last = std::clamp(last, first, m_doc->frameCount() - 1);
    m_rangeQueue.clear();
    m_rangeFirst = first, m_rangeLast = last;
    m_rangeDone = m_rangeNoObject = m_rangeSkipped = 0;
    for (int k = first; k <= last; ++k) {
        m_doc->commit(k);
        const auto* item = m_project.find(m_doc->key(k));
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
    const bool currentProposed = !m_rangeQueue.isEmpty() && m_rangeQueue.front() == m_doc->frame() &&
                                 proposal().generation == m_generation && !proposal().passes.isEmpty();
    if (!m_rangeQueue.isEmpty() && !skipProposed) {
        // Proposed again: their automatic proposals go first (one undo step), so the new ones replace them.
        m_doc->undoStack()->beginMacro(tr("Propose slices again"));
        for (int k : m_rangeQueue) m_doc->proposeAgain(k);
        m_doc->undoStack()->endMacro();
    }
    else if (currentProposed) {
        m_rangeQueue.pop_front(); // the current slice is proposed already
        ++m_rangeDone;
        if (!proposal().found) ++m_rangeNoObject;
    }
    if (m_rangeQueue.isEmpty()) {
        finishSliceRange(false);
        Q_EMIT sliceRangeDone(m_rangeTotal);
        return;
    }
    statusBar()->showMessage(tr("Proposing slice %1 (%2 left) ...").arg(m_rangeQueue.front() + 1).arg(m_rangeQueue.size()));
    if (m_rangeQueue.front() == m_doc->frame()) {
        proposeCurrent();
        return;
    }
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
    if (!isVolume()) return;
    if (!m_modelReady) {
        statusBar()->showMessage(tr("Wait for the model to load."), 5000);
        return;
    }
    const int n = m_doc->frameCount();
    // The object's extent: the slices that have a mask.
    m_doc->commitAll();
    int lo = -1, hi = -1;
    for (int k = 0; k < n; ++k) {
        const auto* item = m_project.find(m_doc->key(k));
        if (item && !item->annotation.instances.empty()) lo = lo < 0 ? k : lo, hi = k;
    }
    ProposeSlicesDialog dlg(n, m_doc->frame(), lo, hi, this);
    if (m_dialogHook) m_dialogHook(&dlg);
    if (dlg.exec() == QDialog::Accepted) proposeSliceRange(dlg.first(), dlg.last(), dlg.skipProposed());
}

// ---- export --------------------------------------------------------------------------

void MainWindow::exportDialog()
{
    if (m_project.items.empty()) {
        statusBar()->showMessage(tr("Open a folder first: there is nothing to export."), 5000);
        return;
    }
    if (m_doc && m_doc->commitAll()) scheduleAutosave();
    int accepted = 0, proposed = 0;
    for (const auto& i : m_project.items) {
        accepted += i.state == pipeline::ItemState::Accepted && i.annotation.width > 0;
        proposed += i.state == pipeline::ItemState::Proposed && i.annotation.width > 0;
    }
    ExportDialog dlg(accepted, proposed, this);
    if (m_dialogHook) m_dialogHook(&dlg);
    if (dlg.exec() != QDialog::Accepted) return;
    const bool includeProposed = dlg.includeProposed();
    if ((includeProposed ? accepted + proposed : accepted) == 0) {
        QMessageBox::information(this, tr("Export"),
                                 includeProposed ? tr("No item has a mask yet.")
                                                 : tr("No item is accepted yet. Accept items (Enter), or choose \"%1\".")
                                                       .arg(dlg.acceptedAndProposedText()));
        return;
    }
    // Written on a worker from a snapshot of the project; the window stays live and a
    // progress dialog says what is going on.
    const QString formatName = dlg.formatName(), folder = dlg.folder();
    auto* progress = new QProgressDialog(tr("Exporting as %1 ...").arg(formatName), QString(), 0, 0, this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, progress] {
        progress->deleteLater();
        watcher->deleteLater();
        m_lastExport = watcher->result();
        const bool failed = m_lastExport.startsWith(QLatin1Char('!'));
        if (failed) m_lastExport = m_lastExport.mid(1);
        statusBar()->showMessage(m_lastExport.section(QLatin1Char('\n'), 0, 0), 10000);
        if (!m_dialogHook) {
            if (failed) QMessageBox::warning(this, tr("Export"), m_lastExport);
            else QMessageBox::information(this, tr("Export"), m_lastExport);
        }
        Q_EMIT exported(m_lastExport);
    });
    const pipeline::Project snapshot = m_project;
    const std::string formatId = dlg.formatId().toStdString();
    watcher->setFuture(QtConcurrent::run([snapshot, formatId, includeProposed, formatName, folder]() -> QString {
        try {
            const auto res = pipeline::exportProject(snapshot, folder.toStdString(), {formatId}, includeProposed);
            QString text = tr("Exported %n item(s) as %1 to %2: %3 file(s).", "", res.items).arg(formatName, folder).arg(res.files);
            if (!res.problems.empty()) text += QLatin1Char('\n') + tr("Not exported (%n):", "", static_cast<int>(res.problems.size()));
            for (const auto& p : res.problems) text += QLatin1Char('\n') + QString::fromStdString(p);
            return text;
        } catch (const std::exception& e) {
            return QLatin1Char('!') + tr("The export failed:\n%1").arg(errorText(e));
        }
    }));
}

} // namespace samsp::ui

// ---- segmentations made elsewhere ---------------------------------------------------

namespace samsp::ui {

bool MainWindow::importSegmentation(const QString& file)
{
    auto refuse = [this](const QString& why) {
        m_lastError = why;
        statusBar()->showMessage(why, 10000);
        return false;
    };
    if (m_importing.isRunning()) return refuse(tr("A segmentation is being imported already."));
    if (!m_doc || !m_doc->pixels() || !m_doc->pixels()->series())
        return refuse(tr("Open the DICOM series the segmentation belongs to first: it is laid over the slices on screen."));
    const imaging::DicomSeries series = *m_doc->pixels()->series();
    const annotation::LabelSet labels = m_project.labels;
    const std::string path = file.toStdString();
    m_importError.clear();
    auto* doc = m_doc;
    connect(
        &m_importing, &QFutureWatcherBase::finished, this,
        [this, doc, file] {
            const auto imp = m_importing.result();
            if (!imp) {
                m_lastError = m_importError;
                statusBar()->showMessage(m_lastError, 15000);
                Q_EMIT segmentationImported(false, m_lastError);
                return;
            }
            if (doc != m_doc) { // the user moved on: the import waits for no one
                m_lastError = tr("The import of %1 was dropped: another image was opened meanwhile.").arg(QFileInfo(file).fileName());
                Q_EMIT segmentationImported(false, m_lastError);
                return;
            }
            m_project.labels = imp->labels;
            pipeline::rememberImport(m_project, *imp); // a SEG saved back for this series names it
            populateLabels();
            const int frames = m_doc->importFrames(imp->perSlice, tr("Import %1").arg(QFileInfo(file).fileName()));
            refreshInstances();
            refreshOverlay();
            m_browser->updateAllStates();
            scheduleAutosave();
            QString msg = tr("Imported %1: %2 instance(s) on %3 slice(s).").arg(QFileInfo(file).fileName()).arg(imp->instances()).arg(frames);
            if (imp->unmatchedFrames > 0) msg += QLatin1Char(' ') + tr("%n frame(s) matched no slice of this series.", "", imp->unmatchedFrames);
            statusBar()->showMessage(msg, 10000);
            Q_EMIT segmentationImported(true, msg);
        },
        Qt::SingleShotConnection);
    m_importing.setFuture(QtConcurrent::run([path, series, labels, this]() -> std::shared_ptr<pipeline::ImportedSegmentation> {
        try {
            return std::make_shared<pipeline::ImportedSegmentation>(pipeline::readSegmentationFor(path, {series}, labels));
        } catch (const std::exception& e) {
            m_importError = errorText(e); // read by the GUI thread after the future has finished
            return nullptr;
        }
    }));
    statusBar()->showMessage(tr("Importing %1...").arg(QFileInfo(file).fileName()));
    return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile()) return;
    const QString f = urls.front().toLocalFile();
    event->acceptProposedAction();
    // A segmentation dropped beside a series is laid over it; a folder or an image opens.
    if (pipeline::findImportFormat(f.toStdString()) && m_doc && m_doc->pixels() && m_doc->pixels()->series())
        importSegmentation(f);
    else if (QFileInfo(f).isDir())
        openFolder(f);
    else
        openFile(f);
}

void MainWindow::connectVolumeWork()
{
    connect(this, &MainWindow::requestPropagation, m_worker, &InferenceWorker::runPropagation);
    connect(this, &MainWindow::requestRepropose, m_worker, &InferenceWorker::repropose);
    connect(m_worker, &InferenceWorker::itemReproposed, this, &MainWindow::onItemReproposed);
    connect(m_worker, &InferenceWorker::reproposeFinished, this, [this](int done, int total) {
        m_reproposing.reset();
        statusBar()->showMessage(tr("Proposed %1 of %2 item(s) again with the new model.").arg(done).arg(total), 8000);
        Q_EMIT reproposalsDone(done);
    });
    connect(m_worker, &InferenceWorker::propagationFinished, this, &MainWindow::onPropagated);
    connect(m_worker, &InferenceWorker::propagationProgress, this, [this](int done) {
        if (m_propagation) statusBar()->showMessage(tr("Propagating: %n slice(s) so far (Esc stops).", "", done));
    });
}

bool MainWindow::propagateFromCurrent()
{
    auto refuse = [this](const QString& why) {
        m_lastError = why;
        statusBar()->showMessage(why, 8000);
        return false;
    };
    if (m_propagation) return refuse(tr("A propagation is running already (Esc stops it)."));
    if (!isVolume()) return refuse(tr("Propagation works on a volume: open a DICOM series."));
    if (!m_modelReady) return refuse(tr("Wait for the model to load."));
    if (!m_doc->hasMask()) return refuse(tr("Draw or accept a mask on this slice first: it is what is carried to the next slices."));
    PropagationJob job;
    job.volume = m_doc->sharedPixels();
    job.window = modelWindow();
    job.invert = m_doc->pixels()->invert;
    job.start = m_doc->frame();
    job.startMask = maskToQImage(m_doc->activeMask());
    job.settings = m_settings;
    m_propagation = job.cancel;
    m_propagationDoc = m_doc;
    m_propagationLabel = m_doc->instance(m_doc->active()).labelId;
    statusBar()->showMessage(tr("Propagating from slice %1 (Esc stops)...").arg(job.start + 1));
    Q_EMIT requestPropagation(job);
    return true;
}

void MainWindow::onPropagated(const PropagationOutcome& o)
{
    m_propagation.reset();
    AnnotationDocument* doc = m_propagationDoc.data();
    m_propagationDoc.clear();
    if (!o.ok) {
        m_lastError = tr("Propagation failed: %1").arg(o.error);
        statusBar()->showMessage(m_lastError, 10000);
        Q_EMIT propagationDone(0, m_lastError);
        return;
    }
    if (doc != m_doc) { // another image was opened meanwhile: nothing is applied
        m_lastError = tr("The propagation was dropped: another image was opened meanwhile.");
        Q_EMIT propagationDone(0, m_lastError);
        return;
    }
    std::map<int, cv::Mat> masks;
    for (int i = 0; i < o.slices.size(); ++i) masks[o.slices[i]] = qimageToMask(o.masks[i]);
    int skipped = 0;
    const int n = m_doc->setPropagated(masks, m_propagationLabel, "propagate:" + std::to_string(o.start + 1),
                                       tr("Propagate from slice %1").arg(o.start + 1), &skipped);
    refreshInstances();
    refreshOverlay();
    m_browser->updateAllStates();
    scheduleAutosave();
    QString msg = o.cancelled ? tr("Propagation stopped: %n slice(s) proposed for review.", "", n)
                              : tr("Propagated to %n slice(s), proposed for review.", "", n);
    if (skipped > 0) msg += QLatin1Char(' ') + tr("%n reviewed slice(s) left as they were.", "", skipped);
    statusBar()->showMessage(msg, 12000);
    Q_EMIT propagationDone(n, msg);
}

} // namespace samsp::ui
