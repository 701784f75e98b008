#include "sam.h"

#include "errors.h"

#include <torch/torch.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace samsp::model {

namespace F = torch::nn::functional;

SamImpl::SamImpl(const SamConfig& cfg) : m_cfg(cfg)
{
    cfg.validate();
    image_encoder = register_module("image_encoder", makeImageEncoder(cfg));
    prompt_encoder = register_module("prompt_encoder", PromptEncoder(cfg));
    mask_decoder = register_module("mask_decoder", MaskDecoder(cfg));
}

namespace {

std::string shapeStr(at::IntArrayRef s)
{
    std::ostringstream o;
    o << '[';
    for (size_t i = 0; i < s.size(); ++i) o << (i ? ", " : "") << s[i];
    o << ']';
    return o.str();
}

bool isLora(const std::string& name) { return name.find(".lora_") != std::string::npos; }

// Tensors a checkpoint may lack because the model adds them fresh: LoRA, and the detail
// fusion's projection (zero-initialised, so the model computes what the file's did).
bool mayStartFresh(const std::string& name) { return isLora(name) || name.rfind("mask_decoder.detail_proj.", 0) == 0; }

// pos_embed 1 x E x E x C from another grid size (bilinear, as SAM-Med2D adapts to 256).
torch::Tensor resizePosEmbed(const torch::Tensor& src, int64_t e)
{
    auto x = src.to(torch::kFloat).permute({0, 3, 1, 2});
    x = F::interpolate(x, F::InterpolateFuncOptions().size(std::vector<int64_t>{e, e}).mode(torch::kBilinear).align_corners(false));
    return x.permute({0, 2, 3, 1}).contiguous();
}

// rel-pos table L x C to L' x C (linear along L).
torch::Tensor resizeRelPos(const torch::Tensor& src, int64_t len)
{
    auto x = src.to(torch::kFloat).t().unsqueeze(0); // 1 x C x L
    x = F::interpolate(x, F::InterpolateFuncOptions().size(std::vector<int64_t>{len}).mode(torch::kLinear).align_corners(false));
    return x.squeeze(0).t().contiguous();
}

} // namespace

void SamImpl::loadStateDict(const NamedTensors& tensors, const std::string& label)
{
    std::map<std::string, torch::Tensor> own;
    for (const auto& p : named_parameters(true)) own[p.key()] = p.value();
    for (const auto& b : named_buffers(true)) own[b.key()] = b.value();

    std::vector<std::string> missing, unexpected, mismatched;
    std::set<std::string> seen;
    torch::NoGradGuard ng;
    for (const auto& [name, src] : tensors) {
        auto it = own.find(name);
        if (it == own.end()) {
            unexpected.push_back(name + " " + shapeStr(src.sizes()));
            continue;
        }
        seen.insert(name);
        torch::Tensor value = src;
        torch::Tensor& dst = it->second;
        if (value.sizes() != dst.sizes()) {
            const bool posEmbed = name == "image_encoder.pos_embed" && value.dim() == 4 && dst.dim() == 4 &&
                                  value.size(3) == dst.size(3) && value.size(1) == value.size(2);
            const bool relPos = (name.size() > 10 && (name.ends_with("attn.rel_pos_h") || name.ends_with("attn.rel_pos_w"))) &&
                                value.dim() == 2 && dst.dim() == 2 && value.size(1) == dst.size(1);
            if (posEmbed) value = resizePosEmbed(value, dst.size(1));
            else if (relPos) value = resizeRelPos(value, dst.size(0));
            else {
                mismatched.push_back(name + ": file " + shapeStr(src.sizes()) + " vs model " + shapeStr(dst.sizes()));
                continue;
            }
        }
        // Integer tensors (BatchNorm's num_batches_tracked) load into integer ones only.
        if (value.is_floating_point() != dst.is_floating_point()) {
            mismatched.push_back(name + ": file dtype " + std::string(c10::toString(value.scalar_type())) + " vs model " +
                                 std::string(c10::toString(dst.scalar_type())));
            continue;
        }
        dst.copy_(value.to(dst.dtype()));
    }
    for (const auto& [name, t] : own)
        if (!seen.count(name) && !mayStartFresh(name)) missing.push_back(name + " " + shapeStr(t.sizes()));

    if (missing.empty() && unexpected.empty() && mismatched.empty()) return;
    std::ostringstream msg;
    msg << "checkpoint '" << label << "' does not fit SAM " << m_cfg.variant;
    if (m_cfg.isTinyViT()) msg << " (TinyViT encoder, image_size " << m_cfg.imageSize << ")";
    else msg << " (embed_dim " << m_cfg.embedDim << ", depth " << m_cfg.depth << ", image_size " << m_cfg.imageSize << ")";
    auto list = [&](const char* what, const std::vector<std::string>& v) {
        if (v.empty()) return;
        msg << "; " << v.size() << ' ' << what << ": ";
        for (size_t i = 0; i < v.size() && i < 8; ++i) msg << (i ? ", " : "") << v[i];
        if (v.size() > 8) msg << ", ...";
    };
    list("missing", missing);
    list("unexpected", unexpected);
    list("with a wrong shape", mismatched);
    throw CheckpointError(msg.str(), CheckpointProblem::DoesNotFit, label, m_cfg.variant,
                          {static_cast<int>(missing.size()), static_cast<int>(unexpected.size()), static_cast<int>(mismatched.size())});
}

NamedTensors SamImpl::stateDict() const
{
    NamedTensors out;
    for (const auto& p : named_parameters(true)) out.emplace_back(p.key(), p.value());
    for (const auto& b : named_buffers(true)) out.emplace_back(b.key(), b.value());
    return out;
}

std::vector<torch::Tensor> SamImpl::trainableParameters() const
{
    std::vector<torch::Tensor> out;
    for (const auto& p : named_parameters(true)) {
        const std::string& n = p.key();
        if (isLora(n) || n.rfind("prompt_encoder.", 0) == 0 || n.rfind("mask_decoder.", 0) == 0) out.push_back(p.value());
    }
    return out;
}

void SamImpl::setEncoderFrozenExceptLora() { image_encoder->setFrozenExceptLora(true); }

void SamImpl::mergeLora() { image_encoder->mergeLora(); }

void SamImpl::unmergeLora() { image_encoder->unmergeLora(); }

ImageEncoderImpl* SamImpl::vit() const { return dynamic_cast<ImageEncoderImpl*>(image_encoder.get()); }

namespace {
// Same architecture as a known variant (the stage-0 head count of TinyViT is not
// in its tensors: its first stage has no attention).
bool sameArchitecture(const SamConfig& a, const SamConfig& k)
{
    if (a.encoder != k.encoder) return false;
    if (a.isTinyViT())
        return a.tvEmbedDims == k.tvEmbedDims && a.tvDepths == k.tvDepths && a.tvWindowSizes == k.tvWindowSizes &&
               std::equal(a.tvNumHeads.begin() + 1, a.tvNumHeads.end(), k.tvNumHeads.begin() + 1, k.tvNumHeads.end());
    return a.embedDim == k.embedDim && a.depth == k.depth && a.globalAttnIndexes == k.globalAttnIndexes;
}
} // namespace

SamConfig inferConfig(const Checkpoint& ck)
{
    auto md = ck.metadata.find("samsp.config");
    if (md != ck.metadata.end()) return samConfigFromJson(md->second);

    SamConfig c;
    c.variant = "custom";
    bool found = false;
    for (const auto& kind : encoderKinds())
        if ((found = kind.detect(ck, c))) break;
    if (!found)
        throw CheckpointError("checkpoint holds no SAM image encoder (neither a ViT's image_encoder.pos_embed / "
                              "patch_embed.proj nor a TinyViT's image_encoder.patch_embed.seq)",
                              CheckpointProblem::NotSam);
    if (const at::Tensor* neck = ck.find("image_encoder.neck.0.weight")) c.outChans = neck->size(0);
    for (const auto& v : knownVariants()) {
        const SamConfig k = samConfigForVariant(v);
        if (!sameArchitecture(c, k)) continue;
        c.variant = c.adapter ? v + "+adapter" : v;
        if (c.isTinyViT()) c.tvNumHeads = k.tvNumHeads;
    }
    c.validate();
    return c;
}

ConvertedCheckpoint convertCheckpoint(const std::filesystem::path& in, const std::filesystem::path& out, bool fp16)
{
    Checkpoint ck = loadCheckpoint(in);
    ConvertedCheckpoint r;
    r.config = inferConfig(ck); // throws for a file that is no SAM checkpoint
    {
        Sam probe(r.config); // the tensors must fit the architecture, as when the studio loads it
        probe->loadStateDict(ck.tensors, in.string());
    }
    for (auto& [name, t] : ck.tensors) {
        if (fp16 && t.is_floating_point()) t = t.to(at::kHalf);
        r.values += t.numel();
    }
    if (!ck.metadata.count("samsp.config")) ck.metadata["samsp.config"] = samConfigToJson(r.config);
    saveSafetensors(out, ck.tensors, ck.metadata);
    r.bytes = std::filesystem::file_size(out);
    return r;
}

} // namespace samsp::model
