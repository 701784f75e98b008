#include "loop_bench.h"

#include "metrics.h"

#include "formats/png_mask.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace samsp::pipeline {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string loopBenchModeName(LoopBenchMode m)
{
    switch (m) {
    case LoopBenchMode::FromNothing: return "from-nothing";
    case LoopBenchMode::NoTraining: return "no-training";
    case LoopBenchMode::Loop: return "loop";
    }
    return "?";
}

int LoopBenchRun::totalClicks() const
{
    int n = 0;
    for (const auto& i : images) n += i.clicks + i.dabs;
    return n;
}

int LoopBenchRun::totalDabs() const
{
    int n = 0;
    for (const auto& i : images) n += i.dabs;
    return n;
}

namespace {
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
} // namespace

LoopBenchRun runLoopBench(const LoopBenchOptions& opts, const std::function<bool(int, int, const std::string&)>& progress)
{
    if (opts.pairs.empty()) throw std::runtime_error("the labelling benchmark needs image / mask pairs");
    LoopBenchRun run;
    run.mode = opts.mode;
    run.every = opts.mode == LoopBenchMode::Loop ? std::max(1, opts.every) : 0;
    std::unique_ptr<model::SamEngine> engine = model::SamEngine::fromCheckpoint(opts.startModel, opts.engine);
    fs::path currentModel = opts.startModel;
    const fs::path accepted = opts.work / "accepted";
    fs::create_directories(accepted / "images");
    fs::create_directories(accepted / "masks");

    int round = 0, acceptedCount = 0;
    double humanSinceRound = 0, pendingTrain = 0; // the last round's time not yet covered by labelling
    const int total = static_cast<int>(opts.pairs.size());
    for (int n = 0; n < total; ++n) {
        const LabelledPair& p = opts.pairs[static_cast<size_t>(n)];
        if (progress && !progress(n, total, "label")) break;
        LoopBenchImage img;
        img.name = p.name;
        img.round = round;
        try {
            const LoadedPair lp = loadPair(p);
            const auto t0 = Clock::now();
            const model::ImageU8 view{lp.rgb.data, lp.rgb.cols, lp.rgb.rows, static_cast<int64_t>(lp.rgb.step)};
            const model::Embedding emb = engine->encode(view);
            cv::Mat start = cv::Mat::zeros(lp.mask.size(), CV_8UC1);
            at::Tensor startLogits;
            std::optional<model::BoxF> startBox;
            if (opts.mode != LoopBenchMode::FromNothing) {
                const model::SelfPromptResult sp = model::runSelfPrompt(*engine, emb, opts.selfPrompt, true);
                if (sp.found) {
                    start = maskTensorToMat(sp.mask);
                    startLogits = startLogitsOf(sp, start, emb.frame, opts.clickFlow);
                    startBox = startBoxOf(sp);
                }
                img.proposalDice = segMetrics(start, lp.mask).dice;
            }
            const AnnotatorSession s = annotateLikeAPerson(*engine, emb, lp.mask, start, startLogits, opts.annotator,
                                                           opts.clickFlow, startBox);
            img.modelSeconds = secondsSince(t0);
            img.clicks = s.clicks;
            img.dabs = s.dabs;
            img.finalIou = s.finalIou;
            // What the person accepted is what the next round learns from.
            const fs::path image = fs::absolute(p.image);
            const fs::path link = accepted / "images" / image.filename();
            std::error_code ec;
            fs::remove(link, ec);
            fs::create_symlink(image, link);
            formats::writeMaskPng(accepted / "masks" / (image.stem().string() + ".png"), s.mask);
            ++acceptedCount;
        } catch (const std::exception& e) {
            run.errors.push_back(p.name + ": " + e.what());
            continue;
        }
        const double human = opts.secondsPerImage + opts.secondsPerClick * (img.clicks + img.dabs);
        run.humanSeconds += human;
        run.modelSeconds += img.modelSeconds;
        humanSinceRound += human + img.modelSeconds;
        run.images.push_back(img);

        const bool roundDue = opts.mode == LoopBenchMode::Loop && acceptedCount >= 2 && acceptedCount % run.every == 0 && n + 1 < total;
        if (!roundDue) continue;
        // The previous round ran while this block was labelled: wait for what is left of it.
        run.waitSeconds += std::max(0.0, pendingTrain - humanSinceRound);
        if (progress && !progress(n + 1, total, "train")) break;
        TrainJob job = opts.training;
        job.data = accepted;
        job.init = currentModel;
        job.out = opts.work / ("round-" + std::to_string(round + 1) + ".safetensors");
        job.resume = false;
        const TrainSummary sum = runTraining(job);
        LoopBenchRound r;
        r.round = ++round;
        r.afterImages = acceptedCount;
        r.trainSeconds = sum.seconds;
        r.epochs = static_cast<int>(sum.epochs.size());
        r.valDice = sum.epochs.empty() ? 0.0 : sum.epochs.back().valDiceSamsp;
        currentModel = sum.checkpoint.empty() ? job.out : sum.checkpoint;
        engine = model::SamEngine::fromCheckpoint(currentModel, opts.engine);
        r.modelId = engine->modelId();
        run.rounds.push_back(r);
        run.trainSeconds += sum.seconds;
        pendingTrain = sum.seconds;
        humanSinceRound = 0;
    }
    return run;
}

nlohmann::json loopBenchJson(const LoopBenchRun& r)
{
    nlohmann::json images = nlohmann::json::array(), rounds = nlohmann::json::array();
    double dice = 0;
    for (const auto& i : r.images) {
        images.push_back({{"name", i.name}, {"round", i.round}, {"proposal_dice", i.proposalDice}, {"clicks", i.clicks},
                          {"dabs", i.dabs}, {"final_iou", i.finalIou}, {"model_seconds", i.modelSeconds}});
        dice += i.proposalDice;
    }
    for (const auto& x : r.rounds)
        rounds.push_back({{"round", x.round}, {"after_images", x.afterImages}, {"train_seconds", x.trainSeconds},
                          {"epochs", x.epochs}, {"val_dice", x.valDice}, {"model_id", x.modelId}});
    const double n = std::max<size_t>(1, r.images.size());
    return {{"mode", loopBenchModeName(r.mode)},
            {"every", r.every},
            {"images", r.images.size()},
            {"total_clicks", r.totalClicks()},
            {"brush_dabs", r.totalDabs()},
            {"clicks_per_image", r.totalClicks() / n},
            {"mean_proposal_dice", dice / n},
            {"human_seconds", r.humanSeconds},
            {"model_seconds", r.modelSeconds},
            {"train_seconds", r.trainSeconds},
            {"wait_seconds", r.waitSeconds},
            {"wall_seconds", r.wallSeconds()},
            {"rounds", rounds},
            {"per_image", images},
            {"errors", r.errors}};
}

namespace {
std::vector<double> runningMean(const std::vector<double>& v, int window)
{
    std::vector<double> out;
    double sum = 0;
    for (size_t k = 0; k < v.size(); ++k) {
        sum += v[k];
        if (k >= static_cast<size_t>(window)) sum -= v[k - static_cast<size_t>(window)];
        out.push_back(sum / static_cast<double>(std::min<size_t>(k + 1, static_cast<size_t>(window))));
    }
    return out;
}
} // namespace

namespace {
// The plot's few shapes, drawn as SVG or into an image (one layout for both).
struct Colour
{
    uint8_t r, g, b;
};
class PlotCanvas
{
public:
    virtual ~PlotCanvas() = default;
    virtual void rect(int x, int y, int w, int h, Colour c, bool filled) = 0;
    virtual void line(int x1, int y1, int x2, int y2, Colour c) = 0;
    virtual void polyline(const std::vector<cv::Point2d>& pts, Colour c) = 0;
    // anchor: 0 start, 1 middle, 2 end
    virtual void text(int x, int y, const std::string& s, int anchor, int size) = 0;
};

class SvgCanvas : public PlotCanvas
{
public:
    SvgCanvas(int w, int h)
    {
        char buf[256];
        std::snprintf(buf, sizeof buf,
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\">\n"
                      "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                      w, h);
        m_out << buf;
    }
    std::string finish() { return m_out.str() + "</svg>\n"; }
    void rect(int x, int y, int w, int h, Colour c, bool filled) override
    {
        m_out << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"" << w << "\" height=\"" << h << "\" "
              << (filled ? "fill=\"" + hex(c) + "\"" : "fill=\"none\" stroke=\"" + hex(c) + "\"") << "/>\n";
    }
    void line(int x1, int y1, int x2, int y2, Colour c) override
    {
        m_out << "<line x1=\"" << x1 << "\" y1=\"" << y1 << "\" x2=\"" << x2 << "\" y2=\"" << y2 << "\" stroke=\"" << hex(c) << "\"/>\n";
    }
    void polyline(const std::vector<cv::Point2d>& pts, Colour c) override
    {
        m_out << "<polyline fill=\"none\" stroke-width=\"1.8\" stroke=\"" << hex(c) << "\" points=\"";
        char buf[64];
        for (const auto& q : pts) {
            std::snprintf(buf, sizeof buf, "%.1f,%.1f ", q.x, q.y);
            m_out << buf;
        }
        m_out << "\"/>\n";
    }
    void text(int x, int y, const std::string& s, int anchor, int size) override
    {
        static const char* anchors[] = {"start", "middle", "end"};
        m_out << "<text x=\"" << x << "\" y=\"" << y << "\" font-size=\"" << size << "\" text-anchor=\"" << anchors[anchor] << "\">"
              << s << "</text>\n";
    }

private:
    static std::string hex(Colour c)
    {
        char buf[8];
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
        return buf;
    }
    std::ostringstream m_out;
};

class ImageCanvas : public PlotCanvas
{
public:
    ImageCanvas(int w, int h) : m(h, w, CV_8UC3, cv::Scalar(255, 255, 255)) {}
    cv::Mat m; // RGB
    void rect(int x, int y, int w, int h, Colour c, bool filled) override
    {
        cv::rectangle(m, cv::Rect(x, y, w, h), cv::Scalar(c.r, c.g, c.b), filled ? cv::FILLED : 1);
    }
    void line(int x1, int y1, int x2, int y2, Colour c) override { cv::line(m, {x1, y1}, {x2, y2}, cv::Scalar(c.r, c.g, c.b), 1); }
    void polyline(const std::vector<cv::Point2d>& pts, Colour c) override
    {
        std::vector<cv::Point> p;
        for (const auto& q : pts) p.emplace_back(cvRound(q.x), cvRound(q.y));
        cv::polylines(m, std::vector<std::vector<cv::Point>>{p}, false, cv::Scalar(c.r, c.g, c.b), 2, cv::LINE_AA);
    }
    void text(int x, int y, const std::string& s, int anchor, int size) override
    {
        const double scale = size / 28.0;
        int base = 0;
        const cv::Size t = cv::getTextSize(s, cv::FONT_HERSHEY_SIMPLEX, scale, 1, &base);
        const int x0 = anchor == 0 ? x : anchor == 1 ? x - t.width / 2 : x - t.width;
        cv::putText(m, s, {x0, y}, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(0, 0, 0), 1, cv::LINE_AA);
    }
};

void drawLoopBench(PlotCanvas& c, const std::vector<LoopBenchRun>& runs, const std::string& title, int window, int H)
{
    const int panelW = 380, panelH = 260, top = 60, left1 = 60, left2 = 500;
    static const Colour colours[] = {{127, 127, 127}, {31, 119, 180}, {214, 39, 40}, {44, 160, 44}, {148, 103, 189}, {255, 127, 14}};
    const Colour axis{51, 51, 51}, grid{221, 221, 221};
    size_t maxN = 1;
    double maxClicks = 1;
    std::vector<std::vector<double>> dice, clicks;
    for (const auto& r : runs) {
        std::vector<double> d, k;
        for (const auto& i : r.images) d.push_back(i.proposalDice), k.push_back(i.clicks + i.dabs);
        dice.push_back(runningMean(d, window));
        clicks.push_back(runningMean(k, window));
        maxN = std::max(maxN, r.images.size());
        for (double v : clicks.back()) maxClicks = std::max(maxClicks, v);
    }
    maxClicks = std::ceil(maxClicks / 5.0) * 5.0;
    c.text(left1, 24, title, 0, 15);
    auto panel = [&](int left, const std::string& label, double yMax, const std::vector<std::vector<double>>& series) {
        c.text(left, top - 8, label + " (running mean of " + std::to_string(window) + ")", 0, 12);
        c.text(left + panelW / 2, top + panelH + 32, "images labelled", 1, 12);
        char buf[32];
        for (int t = 0; t <= 4; ++t) {
            const int y = top + panelH - panelH * t / 4;
            c.line(left, y, left + panelW, y, grid);
            std::snprintf(buf, sizeof buf, "%.*f", yMax <= 1.0 ? 2 : 0, yMax * t / 4.0);
            c.text(left - 4, y + 4, buf, 2, 12);
            c.text(left + panelW * t / 4, top + panelH + 16, std::to_string(maxN * static_cast<size_t>(t) / 4), 1, 12);
        }
        c.rect(left, top, panelW, panelH, axis, false);
        for (size_t k = 0; k < series.size(); ++k) {
            std::vector<cv::Point2d> pts;
            for (size_t i = 0; i < series[k].size(); ++i)
                pts.emplace_back(left + panelW * double(i + 1) / double(maxN),
                                 top + panelH - panelH * std::clamp(series[k][i] / yMax, 0.0, 1.0));
            c.polyline(pts, colours[k % 6]);
        }
    };
    panel(left1, "Dice of the proposal", 1.0, dice);
    panel(left2, "clicks per image", maxClicks, clicks);
    for (size_t k = 0; k < runs.size(); ++k) {
        const auto& r = runs[k];
        std::string name = loopBenchModeName(r.mode);
        if (r.mode == LoopBenchMode::Loop) name += " (a round every " + std::to_string(r.every) + ")";
        const int x = left1 + static_cast<int>(k % 3) * 280, y = H - 36 + static_cast<int>(k / 3) * 16;
        c.rect(x, y - 6, 14, 4, colours[k % 6], true);
        c.text(x + 18, y, name + ": " + std::to_string(r.totalClicks()) + " clicks", 0, 12);
    }
}
constexpr int kPlotW = 900, kPlotH = 420;
} // namespace

std::string loopBenchSvg(const std::vector<LoopBenchRun>& runs, const std::string& title, int window)
{
    SvgCanvas c(kPlotW, kPlotH);
    drawLoopBench(c, runs, title, window, kPlotH);
    return c.finish();
}

cv::Mat loopBenchImage(const std::vector<LoopBenchRun>& runs, const std::string& title, int window)
{
    ImageCanvas c(kPlotW, kPlotH);
    drawLoopBench(c, runs, title, window, kPlotH);
    return c.m;
}

} // namespace samsp::pipeline
