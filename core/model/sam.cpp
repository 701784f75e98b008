#include "sam.h"

#include "errors.h"

#include <torch/torch.h>

#include <map>
#include <set>
#include <sstream>

namespace samsp::model {

namespace F = torch::nn::functional;

SamImpl::SamImpl(const SamConfig& cfg) : m_cfg(cfg)
{
    cfg.validate();
    image_encoder = register_module("image_encoder", ImageEncoder(cfg));
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
        if (!value.is_floating_point() && dst.is_floating_point()) {
            mismatched.push_back(name + ": file dtype " + std::string(c10::toString(value.scalar_type())) + " is not floating point");
            continue;
        }
        dst.copy_(value.to(dst.dtype()));
    }
    for (const auto& [name, t] : own)
        if (!seen.count(name) && !isLora(name)) missing.push_back(name + " " + shapeStr(t.sizes()));

    if (missing.empty() && unexpected.empty() && mismatched.empty()) return;
    std::ostringstream msg;
    msg << "checkpoint '" << label << "' does not fit SAM " << m_cfg.variant << " (embed_dim " << m_cfg.embedDim
        << ", depth " << m_cfg.depth << ", image_size " << m_cfg.imageSize << ")";
    auto list = [&](const char* what, const std::vector<std::string>& v) {
        if (v.empty()) return;
        msg << "; " << v.size() << ' ' << what << ": ";
        for (size_t i = 0; i < v.size() && i < 8; ++i) msg << (i ? ", " : "") << v[i];
        if (v.size() > 8) msg << ", ...";
    };
    list("missing", missing);
    list("unexpected", unexpected);
    list("with a wrong shape", mismatched);
    throw CheckpointError(msg.str());
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

void SamImpl::setEncoderFrozenExceptLora()
{
    for (auto& p : image_encoder->named_parameters(true)) p.value().set_requires_grad(isLora(p.key()));
}

void SamImpl::mergeLora()
{
    for (auto& b : image_encoder->blockList()) b->attn->mergeLora();
}

void SamImpl::unmergeLora()
{
    for (auto& b : image_encoder->blockList()) b->attn->unmergeLora();
}

SamConfig inferConfig(const Checkpoint& ck)
{
    auto md = ck.metadata.find("samsp.config");
    if (md != ck.metadata.end()) return samConfigFromJson(md->second);

    const at::Tensor* pos = ck.find("image_encoder.pos_embed");
    const at::Tensor* patch = ck.find("image_encoder.patch_embed.proj.weight");
    if (!pos || pos->dim() != 4 || !patch || patch->dim() != 4)
        throw CheckpointError("checkpoint holds no SAM image encoder (image_encoder.pos_embed / patch_embed missing)");
    SamConfig c;
    c.variant = "custom";
    c.embedDim = pos->size(3);
    c.patchSize = patch->size(2);
    c.imageSize = pos->size(1) * c.patchSize;
    int64_t depth = 0;
    while (ck.find("image_encoder.blocks." + std::to_string(depth) + ".attn.qkv.weight")) ++depth;
    if (depth == 0) throw CheckpointError("checkpoint holds no image encoder blocks");
    c.depth = depth;
    c.globalAttnIndexes.clear();
    const int64_t windowLen = 2 * c.windowSize - 1;
    for (int64_t i = 0; i < depth; ++i) {
        const at::Tensor* rp = ck.find("image_encoder.blocks." + std::to_string(i) + ".attn.rel_pos_h");
        if (!rp || rp->dim() != 2) throw CheckpointError("checkpoint block " + std::to_string(i) + " has no rel_pos_h");
        if (i == 0) c.numHeads = c.embedDim / rp->size(1);
        if (rp->size(0) != windowLen) c.globalAttnIndexes.push_back(i);
    }
    if (const at::Tensor* neck = ck.find("image_encoder.neck.0.weight")) c.outChans = neck->size(0);
    if (const at::Tensor* lin1 = ck.find("image_encoder.blocks.0.mlp.lin1.weight"))
        c.mlpRatio = double(lin1->size(0)) / double(c.embedDim);
    if (const at::Tensor* la = ck.find("image_encoder.blocks.0.attn.lora_a_q")) c.loraRank = la->size(0);
    c.adapter = ck.find("image_encoder.blocks.0.Adapter.norm.weight") != nullptr;
    for (const auto& v : knownVariants()) {
        SamConfig k = samConfigForVariant(v);
        if (k.embedDim == c.embedDim && k.depth == c.depth && k.globalAttnIndexes == c.globalAttnIndexes)
            c.variant = c.adapter ? v + "+adapter" : v;
    }
    c.validate();
    return c;
}

} // namespace samsp::model
