// samsp-studio-bench: the studio's own speed, measured through the real main
// window (offscreen): time from opening an image to the proposal on screen (cold,
// and with the embedding precomputed while the previous image was shown), from a
// point click to the updated mask, to open a folder of 100 000 files, and the
// memory after browsing 500 images. Prints text, or JSON with --json.

#include "common/logging_setup.h"
#include "common/resources.h"
#include "image_browser.h"

#include <QAction>
#include "image_canvas.h"
#include "main_window.h"
#include "project_saver.h"
#include "pipeline/items.h"
#include "pipeline/synth.h"

#include "model/runtime_info.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QListWidget>
#include <QSlider>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {
double median(std::vector<double> v)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
double rssMb(const char* field = "VmRSS:")
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0) return std::stod(line.substr(std::string(field).size())) / 1024.0;
    return 0;
}
bool waitFor(QSignalSpy& spy, int ms)
{
    return spy.count() > 0 || spy.wait(ms);
}
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}
} // namespace

// --series DIR: a real volume through the studio's volume path: open to the first
// slice and its proposal, memory, slice change to repaint, every slice proposed,
// and the export to DICOM SEG and NIfTI.
int benchSeries(const QString& series, const QString& modelPath, const QString& tmp, bool json)
{
    nlohmann::json out;
    samsp::ui::MainWindow w;
    w.setProjectStore(tmp + QStringLiteral("/projects"));
    QSignalSpy ready(&w, &samsp::ui::MainWindow::modelReady);
    w.setModel(modelPath, QStringLiteral("cpu"));
    if (!ready.wait(60000)) return 1;
    w.show();
    settle(200);
    const double rssStart = rssMb();
    QSignalSpy shown(&w, &samsp::ui::MainWindow::imageShown);
    QSignalSpy proposed(&w, &samsp::ui::MainWindow::proposalShown);
    QElapsedTimer t;
    t.start();
    if (!w.openFolder(series) || !waitFor(shown, 120000)) {
        std::fprintf(stderr, "the series did not open: %s\n", w.lastError().toStdString().c_str());
        return 1;
    }
    out["open_to_first_slice_ms"] = t.nsecsElapsed() / 1e6;
    if (!waitFor(proposed, 60000)) return 1;
    out["open_to_first_proposal_ms"] = t.nsecsElapsed() / 1e6;
    const int n = w.sliceSlider()->maximum() + 1;
    out["slices"] = n;
    out["rss_after_open_mb"] = rssMb() - rssStart;
    std::vector<double> change;
    for (int i = 0; i < 20; ++i) {
        t.restart();
        w.sliceSlider()->setValue((i * 7) % n);
        QCoreApplication::processEvents(); // the repaint
        change.push_back(t.nsecsElapsed() / 1e6);
    }
    out["slice_change_to_repaint_ms"] = median(change);
    settle(2000);
    // How live the window stays while the volume is worked on: the longest gap between
    // ticks of a 10 ms timer on the GUI thread.
    double maxGap = 0;
    QElapsedTimer sinceTick;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        maxGap = std::max(maxGap, sinceTick.nsecsElapsed() / 1e6);
        sinceTick.restart();
    });
    // Propagation from the middle slice's proposal, as Ctrl+Shift+P does.
    {
        w.sliceSlider()->setValue(n / 2);
        proposed.clear();
        waitFor(proposed, 60000);
        QSignalSpy propagated(&w, &samsp::ui::MainWindow::propagationDone);
        sinceTick.start();
        tick.start(10);
        t.restart();
        if (w.propagateFromCurrent() && waitFor(propagated, 600000)) {
            out["propagate_ms"] = t.nsecsElapsed() / 1e6;
            out["propagate_slices"] = propagated.first().at(0).toInt();
            out["propagate_summary"] = propagated.first().at(1).toString().toStdString();
        }
        else
            out["propagate_summary"] = w.lastError().toStdString();
        tick.stop();
        out["propagate_max_gui_gap_ms"] = maxGap;
    }
    QSignalSpy done(&w, &samsp::ui::MainWindow::sliceRangeDone);
    maxGap = 0;
    sinceTick.restart();
    tick.start(10);
    t.restart();
    w.proposeSliceRange(0, n - 1, false);
    if (!waitFor(done, 1800000)) return 1;
    tick.stop();
    out["propose_all_max_gui_gap_ms"] = maxGap;
    const double all = t.nsecsElapsed() / 1e9;
    out["propose_all_slices_s"] = all;
    out["propose_per_slice_ms"] = 1000.0 * all / n;
    out["range_summary"] = w.lastRangeSummary().toStdString();
    t.restart();
    const auto ex = samsp::pipeline::exportProject(w.project(), (tmp + QStringLiteral("/export")).toStdString(), {"dicom-seg", "nifti"}, true);
    out["export_seg_and_nifti_ms"] = t.nsecsElapsed() / 1e6;
    out["export_files"] = ex.files;
    out["export_problems"] = ex.problems;
    out["peak_rss_mb"] = rssMb("VmHWM:");
    out["cpu"] = samsp::model::runtimeInfo(false).cpu.summary();
    if (json)
        std::printf("%s\n", out.dump(2).c_str());
    else
        for (const auto& [k, v] : out.items()) std::printf("%-28s %s\n", k.c_str(), v.dump().c_str());
    return 0;
}

int main(int argc, char** argv)
{
    samsp::model::ensurePassiveOpenMpWait(argc, argv);
    samsp::model::tuneAllocator();
    samsp::model::configureThreads(0);
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("samsp-studio-bench"));
    samsp::app::setupLogging({}); // as the studio: warnings to stderr, the rest to the log file; stdout keeps the figures
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral(
        "Measures the studio as a person uses it: open -> proposal, click -> mask, memory while browsing, "
        "a 100 000-file folder (synthetic images); or, with --series, a DICOM series' volume path. "
        "Prints the figures and the CPU they ran on."));
    cli.addHelpOption();
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print one JSON object"));
    const QCommandLineOption browseOpt(QStringLiteral("browse"), QStringLiteral("Images to browse for the memory figure (default 500)"),
                                       QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption modelOpt(QStringLiteral("model"), QStringLiteral("Checkpoint to use (default: the bundled model)"),
                                      QStringLiteral("PATH"), QString::fromStdString(samsp::app::bundledModelPath()));
    const QCommandLineOption seriesOpt(QStringLiteral("series"),
                                       QStringLiteral("A DICOM series folder: open, propose every slice, propagate, export"),
                                       QStringLiteral("DIR"));
    cli.addOptions({jsonOpt, browseOpt, modelOpt, seriesOpt});
    cli.process(app); // --help prints and exits; an unknown option is an error (exit 1)
    const bool json = cli.isSet(jsonOpt);
    bool browseOk = false;
    const int browse = cli.value(browseOpt).toInt(&browseOk);
    if (!browseOk || browse < 0) {
        std::fprintf(stderr, "--browse wants a number of images (0 or more), not '%s'\n", qPrintable(cli.value(browseOpt)));
        return 2;
    }
    const QString modelPath = cli.value(modelOpt); // e.g. a vit_t checkpoint
    const QString series = cli.value(seriesOpt);
    QTemporaryDir tmp;
    const std::string root = tmp.path().toStdString();
    nlohmann::json out;
    if (!series.isEmpty()) return benchSeries(series, modelPath, tmp.path(), json);

    // Images: synthetic 256 x 256 like the bundled samples.
    samsp::pipeline::SynthOptions so;
    so.seed = 77;
    so.count = std::max(browse, 24);
    samsp::pipeline::writeSynthDataset(root + "/synth", so);
    const QString images = QString::fromStdString(root + "/synth/images");

    samsp::ui::MainWindow w;
    w.setProjectStore(tmp.path() + QStringLiteral("/projects"));
    QSignalSpy ready(&w, &samsp::ui::MainWindow::modelReady);
    w.setModel(modelPath, QStringLiteral("cpu"));
    if (!ready.wait(60000)) {
        std::fprintf(stderr, "the model did not load\n");
        return 1;
    }
    w.show();
    settle(200);
    const double rssStart = rssMb();
    QSignalSpy shown(&w, &samsp::ui::MainWindow::proposalShown);
    w.openFolder(images);
    if (!shown.wait(30000)) return 1;
    settle(1500); // the next image's embedding is precomputed meanwhile

    // Open -> proposal on screen, cold: jump two ahead so the prefetched one is not used.
    std::vector<double> cold, warm;
    for (int k = 2; k <= 10; k += 2) {
        shown.clear();
        QElapsedTimer t;
        t.start();
        w.browser()->setCurrentRow(k);
        if (!waitFor(shown, 30000)) return 1;
        cold.push_back(t.nsecsElapsed() / 1e6);
        settle(1500);
        // ... and the next image, whose embedding was computed while this one was shown.
        shown.clear();
        t.restart();
        w.browser()->setCurrentRow(k + 1);
        if (!waitFor(shown, 30000)) return 1;
        warm.push_back(t.nsecsElapsed() / 1e6);
        settle(1500);
    }
    out["open_to_proposal_cold_ms"] = median(cold);
    out["open_to_proposal_prefetched_ms"] = median(warm);

    // Point click -> updated mask on screen (the decoder on the cached embedding).
    QSignalSpy refined(&w, &samsp::ui::MainWindow::maskRefined);
    w.findChild<QAction*>(QStringLiteral("toolPoints"))->trigger(); // clicks go to the Points tool
    std::vector<double> click;
    for (int i = 0; i < 12; ++i) {
        refined.clear();
        QElapsedTimer t;
        t.start();
        Q_EMIT w.canvas()->pointClicked(QPointF(40 + 15 * i, 60 + 9 * i), i % 3 == 2 ? 0 : 1);
        if (!waitFor(refined, 10000)) return 1;
        QCoreApplication::processEvents(); // the repaint
        click.push_back(t.nsecsElapsed() / 1e6);
    }
    out["point_click_to_mask_ms"] = median(click);

    // Browsing: memory after N images (each proposed, autosaved).
    for (int k = 0; k < browse; ++k) {
        shown.clear();
        w.browser()->setCurrentRow(k % w.browser()->count());
        if (!waitFor(shown, 30000)) return 1;
    }
    out["browsed_images"] = browse;
    out["rss_start_mb"] = rssStart;
    out["rss_after_browsing_mb"] = rssMb();
    out["rss_peak_mb"] = rssMb("VmHWM:");

    // A folder of 100 000 (empty) files.
    const std::string big = root + "/big";
    std::filesystem::create_directories(big);
    for (int i = 0; i < 100000; ++i) {
        char name[64];
        std::snprintf(name, sizeof name, "/img_%06d.png", i);
        std::ofstream(big + name);
    }
    QSignalSpy opened(&w, &samsp::ui::MainWindow::folderOpened);
    QElapsedTimer t;
    t.start();
    w.openFolder(QString::fromStdString(big)); // listed on a worker: the window stays live
    if (!waitFor(opened, 300000)) return 1;
    out["open_folder_100k_ms"] = t.nsecsElapsed() / 1e6;
    out["open_folder_100k_items"] = w.browser()->count();
    t.restart();
    w.saveNow(); // File > Save of a 100 000-item project (autosaves do this on a worker)
    out["save_project_100k_ms"] = t.nsecsElapsed() / 1e6;
    {
        // What an autosave costs the GUI thread after one change: the saver compares the
        // project with the last save's and copies the items that differ (one here); the
        // worker serialises, fsyncs and renames.
        samsp::pipeline::Project p = w.project();
        samsp::ui::ProjectSaver saver;
        const auto path = std::filesystem::path(root) / "bench-autosave.samsp.json";
        saver.save(p, path);
        saver.flush();
        p.items[p.items.size() / 2].state = samsp::pipeline::ItemState::Accepted;
        t.restart();
        saver.save(p, path);
        out["autosave_gui_thread_100k_ms"] = t.nsecsElapsed() / 1e6;
        out["autosave_copied_items"] = saver.lastCopiedItems();
        saver.flush();
    }

    if (json)
        std::printf("%s\n", out.dump(2).c_str());
    else
        std::printf("open -> proposal on screen: %.0f ms cold, %.0f ms with the embedding precomputed\n"
                    "point click -> updated mask: %.0f ms\n"
                    "memory: %.0f MB after start, %.0f MB after browsing %d images (peak %.0f MB)\n"
                    "open a folder of 100 000 files: %.0f ms (%d items listed); File > Save of its project: %.0f ms; an autosave's part on the GUI thread: %.1f ms\n",
                    out["open_to_proposal_cold_ms"].get<double>(), out["open_to_proposal_prefetched_ms"].get<double>(),
                    out["point_click_to_mask_ms"].get<double>(), rssStart, out["rss_after_browsing_mb"].get<double>(), browse,
                    out["rss_peak_mb"].get<double>(), out["open_folder_100k_ms"].get<double>(),
                    out["open_folder_100k_items"].get<int>(), out["save_project_100k_ms"].get<double>(),
                    out["autosave_gui_thread_100k_ms"].get<double>());
    return 0;
}
