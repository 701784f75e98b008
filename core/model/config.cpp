#include "config.h"

#include "errors.h"
#include "json.h"

namespace samsp::model {

void SamConfig::validate() const
{
    auto bad = [](const std::string& what) { throw ModelError("invalid SAM config: " + what); };
    if (outChans <= 0 || outChans % 8 != 0) bad("out_chans must be a positive multiple of 8");
    if (isTinyViT()) {
        const size_t n = tvEmbedDims.size();
        if (n != 4 || tvDepths.size() != n || tvNumHeads.size() != n || tvWindowSizes.size() != n)
            bad("TinyViT needs four stages: embed_dims, depths, num_heads and window_sizes with 4 entries each");
        for (size_t i = 0; i < n; ++i) {
            if (tvEmbedDims[i] <= 0 || tvDepths[i] <= 0 || tvNumHeads[i] <= 0 || tvWindowSizes[i] <= 0)
                bad("TinyViT stage " + std::to_string(i) + ": sizes must be positive");
            if (tvEmbedDims[i] % tvNumHeads[i] != 0)
                bad("TinyViT stage " + std::to_string(i) + ": embed_dim " + std::to_string(tvEmbedDims[i]) +
                    " is not divisible by num_heads " + std::to_string(tvNumHeads[i]));
        }
        if (tvEmbedDims[0] % 2 != 0) bad("TinyViT embed_dims[0] must be even");
        // The reference's patch merging keeps stride 1 only into 320, 448 or 576 channels;
        // the S/16 grid needs exactly the last merging to be that one.
        for (size_t i = 1; i < n; ++i) {
            const bool last = i + 1 == n;
            const bool stride1 = tvEmbedDims[i] == 320 || tvEmbedDims[i] == 448 || tvEmbedDims[i] == 576;
            if (stride1 != last)
                bad(last ? "TinyViT's last width must be 320, 448 or 576 (the reference merges into it with stride 1)"
                         : "TinyViT width " + std::to_string(tvEmbedDims[i]) +
                               " before the last stage would merge with stride 1 (the reference's rule)");
        }
        if (patchSize != 16) bad("TinyViT's total stride is 16 (patch_size 16)");
        if (imageSize <= 0 || imageSize % 64 != 0)
            bad("image_size " + std::to_string(imageSize) + " must be a positive multiple of 64 for TinyViT");
        if (loraRank != 0) bad("LoRA is not available for TinyViT (fine-tune it fully; it is small)");
        if (adapter) bad("SAM-Med2D adapters are ViT-only");
        return;
    }
    if (detailFusion) bad("detail_fusion needs a TinyViT encoder (its first stage gives the stride-4 features)");
    if (encoder != "vit") bad("unknown encoder '" + encoder + "' (vit or tiny_vit)");
    if (embedDim <= 0 || depth <= 0 || numHeads <= 0) bad("embed_dim, depth and num_heads must be positive");
    if (embedDim % numHeads != 0) bad("embed_dim " + std::to_string(embedDim) + " is not divisible by num_heads");
    if (patchSize <= 0 || imageSize <= 0 || imageSize % patchSize != 0)
        bad("image_size " + std::to_string(imageSize) + " must be a positive multiple of patch_size");
    if (windowSize < 0) bad("window_size must be >= 0");
    if (loraRank < 0) bad("lora_rank must be >= 0");
    for (auto g : globalAttnIndexes)
        if (g < 0 || g >= depth) bad("global_attn_indexes entry " + std::to_string(g) + " is outside depth");
}

SamConfig samConfigForVariant(const std::string& name)
{
    SamConfig c;
    c.variant = name;
    if (name == "vit_b") {
        c.embedDim = 768, c.depth = 12, c.numHeads = 12, c.globalAttnIndexes = {2, 5, 8, 11};
    } else if (name == "vit_l") {
        c.embedDim = 1024, c.depth = 24, c.numHeads = 16, c.globalAttnIndexes = {5, 11, 17, 23};
    } else if (name == "vit_h") {
        c.embedDim = 1280, c.depth = 32, c.numHeads = 16, c.globalAttnIndexes = {7, 15, 23, 31};
    } else if (name == "tiny") {
        c.embedDim = 64, c.depth = 4, c.numHeads = 2, c.globalAttnIndexes = {1, 3};
    } else if (name == "vit_t") {
        c.encoder = "tiny_vit"; // MobileSAM: the tv* defaults are its vit_t
    } else {
        throw ModelError("unknown SAM variant '" + name + "' (known: vit_b, vit_l, vit_h, vit_t, tiny, or a JSON config)");
    }
    return c;
}

std::vector<std::string> knownVariants() { return {"vit_b", "vit_l", "vit_h", "vit_t", "tiny"}; }

SamConfig samConfigFromJson(const std::string& text)
{
    SamConfig c;
    try {
        const Json v = Json::parse(text);
        if (!v.is_object()) throw ModelError("SAM config JSON is not an object");
        auto intField = [&](const char* key, int64_t& dst, bool required) {
            if (const Json* f = jsonFind(v, key)) dst = jsonInteger(*f);
            else if (required) throw ModelError(std::string("SAM config JSON lacks \"") + key + "\"");
        };
        c.variant = "custom";
        if (const Json* f = jsonFind(v, "variant")) c.variant = f->get<std::string>();
        if (const Json* f = jsonFind(v, "encoder")) c.encoder = f->get<std::string>();
        else if (jsonFind(v, "embed_dims")) c.encoder = "tiny_vit";
        intField("image_size", c.imageSize, false);
        intField("out_chans", c.outChans, false);
        if (const Json* f = jsonFind(v, "mlp_ratio")) c.mlpRatio = f->get<double>();
        if (c.isTinyViT()) {
            auto list = [&](const char* key, std::vector<int64_t>& dst) {
                const Json* f = jsonFind(v, key);
                if (!f || !f->is_array()) throw ModelError(std::string("TinyViT config JSON lacks \"") + key + "\"");
                dst.clear();
                for (const auto& e : *f) dst.push_back(jsonInteger(e));
            };
            list("embed_dims", c.tvEmbedDims);
            list("depths", c.tvDepths);
            list("num_heads", c.tvNumHeads);
            list("window_sizes", c.tvWindowSizes);
            intField("lora_rank", c.loraRank, false);
            if (const Json* f = jsonFind(v, "detail_fusion")) c.detailFusion = f->get<bool>();
            c.validate();
            return c;
        }
        intField("embed_dim", c.embedDim, true);
        intField("depth", c.depth, true);
        intField("num_heads", c.numHeads, true);
        intField("patch_size", c.patchSize, false);
        intField("window_size", c.windowSize, false);
        intField("lora_rank", c.loraRank, false);
        if (const Json* f = jsonFind(v, "adapter")) c.adapter = f->get<bool>();
        const Json* g = jsonFind(v, "global_attn_indexes");
        if (!g || !g->is_array()) throw ModelError("SAM config JSON lacks \"global_attn_indexes\"");
        c.globalAttnIndexes.clear();
        for (const auto& e : *g) c.globalAttnIndexes.push_back(jsonInteger(e));
    } catch (const ModelError&) {
        throw;
    } catch (const std::exception& e) {
        throw ModelError(std::string("SAM config JSON: ") + e.what());
    }
    c.validate();
    return c;
}

std::string samConfigToJson(const SamConfig& c)
{
    Json o;
    o["variant"] = c.variant;
    if (c.isTinyViT()) {
        o["encoder"] = c.encoder;
        o["embed_dims"] = c.tvEmbedDims;
        o["depths"] = c.tvDepths;
        o["num_heads"] = c.tvNumHeads;
        o["window_sizes"] = c.tvWindowSizes;
        o["image_size"] = c.imageSize;
        o["out_chans"] = c.outChans;
        o["mlp_ratio"] = c.mlpRatio;
        o["lora_rank"] = c.loraRank;
        if (c.detailFusion) o["detail_fusion"] = true; // absent: older readers see the same file as before
        return o.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    o["embed_dim"] = c.embedDim;
    o["depth"] = c.depth;
    o["num_heads"] = c.numHeads;
    o["global_attn_indexes"] = c.globalAttnIndexes;
    o["image_size"] = c.imageSize;
    o["patch_size"] = c.patchSize;
    o["window_size"] = c.windowSize;
    o["out_chans"] = c.outChans;
    o["mlp_ratio"] = c.mlpRatio;
    o["lora_rank"] = c.loraRank;
    o["adapter"] = c.adapter;
    return o.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace samsp::model
