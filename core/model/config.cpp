#include "config.h"

#include "errors.h"
#include "json_lite.h"

namespace samsp::model {

void SamConfig::validate() const
{
    auto bad = [](const std::string& what) { throw ModelError("invalid SAM config: " + what); };
    if (embedDim <= 0 || depth <= 0 || numHeads <= 0) bad("embed_dim, depth and num_heads must be positive");
    if (embedDim % numHeads != 0) bad("embed_dim " + std::to_string(embedDim) + " is not divisible by num_heads");
    if (patchSize <= 0 || imageSize <= 0 || imageSize % patchSize != 0)
        bad("image_size " + std::to_string(imageSize) + " must be a positive multiple of patch_size");
    if (windowSize < 0) bad("window_size must be >= 0");
    if (outChans <= 0 || outChans % 8 != 0) bad("out_chans must be a positive multiple of 8");
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
    } else {
        throw ModelError("unknown SAM variant '" + name + "' (known: vit_b, vit_l, vit_h, tiny, or a JSON config)");
    }
    return c;
}

std::vector<std::string> knownVariants() { return {"vit_b", "vit_l", "vit_h", "tiny"}; }

SamConfig samConfigFromJson(const std::string& text)
{
    SamConfig c;
    try {
        json::Value v = json::parse(text);
        if (!v.isObject()) throw ModelError("SAM config JSON is not an object");
        auto intField = [&](const char* key, int64_t& dst, bool required) {
            if (const json::Value* f = v.find(key)) dst = f->integer();
            else if (required) throw ModelError(std::string("SAM config JSON lacks \"") + key + "\"");
        };
        c.variant = "custom";
        if (const json::Value* f = v.find("variant")) c.variant = f->string();
        intField("embed_dim", c.embedDim, true);
        intField("depth", c.depth, true);
        intField("num_heads", c.numHeads, true);
        intField("image_size", c.imageSize, false);
        intField("patch_size", c.patchSize, false);
        intField("window_size", c.windowSize, false);
        intField("out_chans", c.outChans, false);
        intField("lora_rank", c.loraRank, false);
        if (const json::Value* f = v.find("mlp_ratio")) c.mlpRatio = f->number();
        if (const json::Value* f = v.find("adapter")) c.adapter = f->boolean();
        const json::Value* g = v.find("global_attn_indexes");
        if (!g) throw ModelError("SAM config JSON lacks \"global_attn_indexes\"");
        c.globalAttnIndexes.clear();
        for (const auto& e : g->array()) c.globalAttnIndexes.push_back(e.integer());
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
    json::Array g;
    for (auto i : c.globalAttnIndexes) g.emplace_back(i);
    json::Object o{{"variant", c.variant},     {"embed_dim", c.embedDim},   {"depth", c.depth},
                   {"num_heads", c.numHeads},  {"global_attn_indexes", g},  {"image_size", c.imageSize},
                   {"patch_size", c.patchSize}, {"window_size", c.windowSize}, {"out_chans", c.outChans},
                   {"mlp_ratio", c.mlpRatio},  {"lora_rank", c.loraRank}, {"adapter", c.adapter}};
    return json::dump(json::Value(std::move(o)));
}

} // namespace samsp::model
