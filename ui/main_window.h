#pragma once
// The studio's main window: a browser of images and DICOM series (left, with
// each item's state), the canvas (centre: zoom, pan, mask overlay, prompts,
// interactive tools), the SAM-SP pass viewer and the labels (right), and a
// status bar (model, device, encode/decode times, position and value under the
// cursor). The window is wiring: each open image or series is an
// AnnotationDocument (its pixels, instances, prompts, proposal and undo stack),
// tools are classes (ui/tools) acting on the active document, the browser is an
// ImageBrowser over the project, and the project file is written by a
// ProjectSaver on a worker. Images and series load on worker threads and the
// model lives on the inference thread: every request carries a generation
// number so a late result for an image the user already left is dropped.

#include "annotation_document.h"
#include "inference_worker.h"
#include "project_saver.h"

#include "imaging/document.h"
#include "pipeline/items.h"
#include "pipeline/project.h"

#include <QFutureWatcher>

#include "pipeline/seg_import.h"
#include <QDialog>

#include <functional>
#include <QImage>
#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <vector>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QSlider;
class QToolBar;
class QActionGroup;

namespace samsp::ui {
class SliceStrip;
class VolumeBar;
class LoopRunner;
class TrainDialog;
struct RoundOutcome;


class ImageCanvas;
class ImageBrowser;
class DocumentSet;
class PassViewer;
class Tool;
// Everything about a folder that takes time to find out (listing, DICOM headers, the
// project file), done on a worker thread while the window keeps painting.
struct FolderListing
{
    std::filesystem::path root, projectPath;
    std::vector<pipeline::BatchItem> items;
    std::vector<std::string> problems;
    pipeline::Project project;
    std::string projectError; // the project file could not be read
    std::vector<imaging::DicomSeries> series;
};

struct LoadedImage
{
    quint64 generation = 0;
    QString path;
    QImage image;
    QString summary;  // "256 x 256, 8-bit RGB, PNG"
    QString error;    // non-empty on failure
    std::shared_ptr<imaging::Document> document; // series (and every load: the pixels and window)
};

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Lists the images and DICOM series under `folder` (recursively) on a worker and
    // opens the first; the folder's project (project.samsp.json) is loaded when there
    // is one. Returns at once (false only when `folder` is no folder); folderOpened()
    // says how it ended.
    bool openFolder(const QString& folder);
    // Opens a project file written by the studio or `samsp annotate` (as openFolder).
    bool openProject(const QString& projectFile);
    // Opens one image file, alone: its folder is not listed and nothing is written
    // beside it (its project lives in the user's data folder).
    bool openFile(const QString& file);
    // Keeps project files in `dir` instead of beside the images (bundled samples, tests).
    void setProjectStore(const QString& dir) { m_projectStore = dir; }
    // Where a project for `key` (a folder, or a project that cannot be used) lives in the data folder.
    std::filesystem::path projectInDataFolder(const std::filesystem::path& key, const std::string& prefix = {}) const;

    // Loads a checkpoint on the inference thread; proposals start once it is ready.
    void setModel(const QString& path, const QString& device = QStringLiteral("auto"));
    void setProposalSettings(const ProposalSettings& s) { m_settings = s; }
    const ProposalSettings& proposalSettings() const { return m_settings; }
    bool isModelReady() const { return m_modelReady; }
    const Proposal& proposal() const;
    PassViewer* passViewer() const { return m_passViewer; }
    // The inference service: owns the model on its thread; the batch dialog uses it too.
    InferenceWorker* inferenceService() const { return m_worker; }

    ImageBrowser* browser() const { return m_browser; }
    QListWidget* labelsList() const { return m_labels; }
    QListWidget* instancesList() const { return m_instanceList; }
    // The active document (the image or series on screen); null when none.
    AnnotationDocument* document() const { return m_doc; }
    int instanceCount() const { return m_doc ? m_doc->instanceCount() : 0; }
    int activeInstance() const { return m_doc ? m_doc->active() : -1; }
    ImageCanvas* canvas() const { return m_canvas; }
    const SliceStrip* sliceStrip() const { return m_sliceStrip; }
    QSlider* sliceSlider() const { return m_slice; }
    QString currentPath() const { return m_currentPath; }
    QString currentKey() const { return m_currentKey; }
    QString lastError() const { return m_lastError; }
    QString modelPath() const { return m_modelPath; }
    QString projectPath() const { return QString::fromStdString(m_projectPath.string()); }
    const pipeline::Project& project() const { return m_project; }
    int currentSlice() const { return m_doc ? m_doc->frame() : 0; }
    int projectWrites() const { return m_saver.writes(); }
    // Tests: called with File > Export's and Propose Slices' dialogs before they run (fill
    // them in and accept them there); an export's result then goes to lastExport()
    // instead of a message box.
    void setDialogHook(std::function<void(QDialog*)> hook) { m_dialogHook = std::move(hook); }
    QString lastExport() const { return m_lastExport; }
    // The labelling loop: fine-tune the model in use on the project's accepted items for
    // `minutes` on a worker thread (the window keeps working); when the round ends its
    // model (models/round-N.safetensors beside the project) becomes the one in use and
    // every item nobody touched is proposed again by it. False (with the reason in the
    // status bar and lastError()) when it cannot start.
    bool trainOnAccepted(double minutes);
    void cancelTraining();
    bool isTraining() const;
    // The model shipped with the studio (listed first in File > Models).
    void setBundledModel(const QString& path) { m_bundledModel = path; }
    const imaging::Window& window() const { return m_window; } // display window
    // What the model sees: the series' window unless the user fixed one.
    const imaging::Window& modelWindow() const;
    void setModelWindow(const imaging::Window& w);
    QString cursorReadout() const;
    // Writes the project file now and waits for it (File > Save, closing). False with
    // the reason in lastError() when it cannot be written.
    bool saveNow();
    // Proposes slices first..last (0-based) one after another; reviewed slices are kept,
    // proposed ones skipped unless `skipProposed` is false. Ends with lastRangeSummary().
    void proposeSliceRange(int first, int last, bool skipProposed = true);
    QString lastRangeSummary() const { return m_lastRangeSummary; }
    // File > Import Segmentation: a DICOM SEG or NIfTI label volume made elsewhere, read
    // on a worker and laid over the series on screen (one undo step). False when it
    // cannot start (no series open); the result comes with segmentationImported().
    bool importSegmentation(const QString& file);
    // SAM-SP > Propagate Through Slices: from the slice on screen and its active mask,
    // up and down the volume on the inference thread; each slice nobody reviewed becomes
    // a proposal for review, all one undo step. Esc stops it (what was made is kept).
    // False when it cannot start (the reason in lastError()); the end comes with
    // propagationDone().
    bool propagateFromCurrent();
    bool isPropagating() const { return m_propagation != nullptr; }

Q_SIGNALS:
    void folderOpened(bool ok);
    void segmentationImported(bool ok, const QString& message);
    void propagationDone(int slices, const QString& message);
    void requestRepropose(const samsp::ui::ReproposeJob& job);
    // The background proposals after a training round are all back.
    void reproposalsDone(int items);
    void requestPropagation(const samsp::ui::PropagationJob& job);
    void modelReady(const QString& id);
    void modelError(const QString& error);
    void proposalShown(const QString& path);
    void maskRefined(double ms);
    void requestModel(const QString& path, const QString& device, const QString& precision);
    void requestProposal(quint64 generation, const QString& path, const QString& key, const QImage& rgb,
                         const samsp::ui::ProposalSettings& s);
    void requestDecode(const samsp::ui::DecodeRequest& r);
    void requestPrefetch(const QString& key, const QImage& rgb);
    void imageShown(const QString& path);
    void imageFailed(const QString& path, const QString& error);
    void saved(const QString& projectFile);
    void exported(const QString& message);
    void sliceRangeDone(int proposed);
    void trainingEpoch(int epoch, double loss, double valDice);
    // A round ended: `ok` with the new model in use, else cancelled or failed (`message`).
    void roundFinished(bool ok, const QString& model, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void onPropagated(const samsp::ui::PropagationOutcome& o);
    void onItemReproposed(const samsp::ui::ReproposedItem& item);
    void startBackgroundProposals();
    void connectVolumeWork(); // propagation and background proposals on the inference thread
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private Q_SLOTS:
    void onBrowserItem(int row);
    void onLoaded();
    void showAbout();
    void showSettings();
    void openFolderDialog();
    void openImageDialog();
    void openProjectDialog();
    void importSegmentationDialog();
    void exportDialog();
    void nextImage();
    void previousImage();
    void onModelLoaded(const QString& id, int gpu, int threads, const QString& precision);
    void onModelFailed(const QString& error);
    void onProposal(const samsp::ui::Proposal& p);
    void onProposalFailed(quint64 generation, const QString& error);
    void onDecoded(const samsp::ui::DecodeResult& r);
    void showPass(int index);
    void proposeCurrent();
    void acceptCurrent();
    void rejectCurrent();
    void proposeSliceRangeDialog();
    void nextUnreviewed();
    void showTrainDialog();
    void sortBrowserByUncertainty(bool on);

private:
    void createActions();
    void loadProposalSettings(); // the six SAM-SP settings, as the user left them
    void setStatusModel();
    void refreshOverlay();
    void requestRefinement();
    void clearPrompts();
    void newInstance();
    void deleteInstance();
    void refreshInstances();
    void showSlice(int k, bool propose);
    void onFolderListed();
    // Lists `inputs` on a worker (the folder, or one file) with keys relative to `root`.
    void startListing(const std::vector<std::filesystem::path>& inputs, const std::filesystem::path& root,
                      const std::filesystem::path& projectPath, const QString& what);
    void populateLabels();
    void setCurrentLabel(int labelId);
    void applyMaskOp(const QString& name);
    void scheduleAutosave();
    void saveInBackground();
    void prefetchNext();
    QColor labelColour(int labelId) const;
    void activate(AnnotationDocument* doc);
    void leaveDocument(); // commit and release the pixels of the one on screen
    void dropDocuments();
    // Every view shows nothing (no image, mask, passes, instances or read-out) and says `message`.
    void showNothing(const QString& message);
    // No folder or project is open any more: nothing for Save to write to.
    void forgetProject();
    // The colour instance k is drawn in: its label's colour, the hue turned further for
    // each earlier instance of the same label, so instances of one label stay apart.
    QColor instanceColour(int k) const;
    bool isVolume() const { return m_doc && m_doc->isVolume(); }
    int sliceState(int k) const; // pipeline::ItemState of slice k, as an int
    void refreshVolumeState();   // the slice strip and the series row's counts
    void finishSliceRange(bool stopped);
    void onRoundFinished(const RoundOutcome& r);
    Tool* activeTool() const;

    ImageCanvas* m_canvas = nullptr;
    ImageBrowser* m_browser = nullptr;
    QListWidget* m_labels = nullptr;
    QListWidget* m_instanceList = nullptr;
    QLabel* m_statusImage = nullptr;
    QLabel* m_statusModel = nullptr;
    QLabel* m_statusZoom = nullptr;
    QLabel* m_statusTimes = nullptr;
    QLabel* m_statusCursor = nullptr;
    VolumeBar* m_volumeBar = nullptr;
    QSlider* m_slice = nullptr;
    QLabel* m_sliceLabel = nullptr;
    PassViewer* m_passViewer = nullptr;
    QActionGroup* m_toolActions = nullptr;
    std::vector<std::unique_ptr<Tool>> m_tools;
    QThread m_inferenceThread;
    InferenceWorker* m_worker = nullptr;
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    bool m_modelReady = false;
    QString m_modelId;
    QString m_modelPath;
    QString m_bundledModel;
    std::function<void(QDialog*)> m_dialogHook;
    QString m_lastExport;
    ProposalSettings m_settings;
    QImage m_currentImage; // what is on screen (display window)
    QFutureWatcher<LoadedImage> m_watcher;
    QFutureWatcher<LoadedImage> m_prefetchWatcher;
    quint64 m_generation = 0;
    QString m_currentPath, m_currentKey;
    QString m_lastError;

    // Documents: the active one, and all those visited with their undo history.
    AnnotationDocument* m_doc = nullptr;
    DocumentSet* m_documents = nullptr;
    bool m_frameShown = false;
    bool m_overlayShowsActive = false; // the canvas overlay is the active instance (not a pass preview)

    // Project and autosave.
    std::filesystem::path m_root;
    std::filesystem::path m_projectPath;
    QString m_projectStore;
    pipeline::Project m_project;
    ProjectSaver m_saver;
    int m_currentLabel = 1;
    QTimer m_autosave;
    bool m_dirty = false;
    bool m_errorShown = false; // the status bar shows the previous item's load error
    std::unique_ptr<QFutureWatcher<FolderListing>> m_listing;
    QFutureWatcher<std::shared_ptr<pipeline::ImportedSegmentation>> m_importing;
    QString m_importError;
    std::function<void()> m_afterListing; // openProject / openFile: what follows the listing

    // Volumes.
    imaging::Window m_window;      // display
    imaging::Window m_modelWindow; // the model's input when the user fixed one
    bool m_modelWindowFixed = false;
    QPointF m_cursor{-1, -1};
    QList<int> m_rangeQueue;
    std::shared_ptr<std::atomic<bool>> m_propagation; // the running propagation's cancel flag
    QPointer<AnnotationDocument> m_propagationDoc;
    int m_propagationLabel = 1;
    // Items a round left to be proposed again in the background (most uncertain first),
    // sent once the round's model is loaded.
    std::vector<std::string> m_reproposeKeys;
    std::shared_ptr<std::atomic<bool>> m_reproposing;
    int m_rangeTotal = 0;
    int m_rangeFirst = 0, m_rangeLast = -1, m_rangeDone = 0, m_rangeNoObject = 0, m_rangeSkipped = 0;
    QString m_lastRangeSummary;
    SliceStrip* m_sliceStrip = nullptr;
    LoopRunner* m_loop = nullptr;
    QPointer<TrainDialog> m_trainDialog;
    int m_currentSeries = -1;
};

} // namespace samsp::ui
