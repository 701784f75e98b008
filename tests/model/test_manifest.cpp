// The modules built for vit_b / vit_l / vit_h / vit_t have exactly the tensor names
// and shapes of the official checkpoints (testdata/sam/sam_manifest.json,
// testdata/mobilesam/mobilesam_manifest.json).

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include "test_helpers.h"

#include "model/json.h"
#include "model/sam.h"

#include <torch/torch.h>

#include <map>

using namespace samsp::model;

namespace {
void checkVariant(const std::string& v, const std::string& file = "sam/sam_manifest.json")
{
    const Json manifest = Json::parse(testsupport::readText(testsupport::sharedTestdata() / file));
    const Json* entry = jsonFind(manifest, v);
    REQUIRE_MESSAGE((entry), "manifest lacks " << v);
    std::map<std::string, std::vector<int64_t>> want;
    for (const auto& [name, shape] : jsonFind(*entry, "tensors")->items()) {
        std::vector<int64_t> s;
        for (const auto& d : shape) s.push_back(jsonInteger(d));
        want[name] = s;
    }
    // Build on the meta-free path but cheaply: no gradient, default init.
    torch::NoGradGuard ng;
    Sam sam(samConfigForVariant(v));
    std::map<std::string, std::vector<int64_t>> have;
    for (const auto& [name, t] : sam->stateDict()) have[name] = t.sizes().vec();
    for (const auto& [name, s] : want) {
        auto it = have.find(name);
        REQUIRE_MESSAGE((it != have.end()), v << ": model lacks " << name);
        REQUIRE_MESSAGE((it->second == s), v << ": " << name << " has the wrong shape");
    }
    for (const auto& [name, s] : have) REQUIRE_MESSAGE((want.count(name)), v << ": model has an extra tensor " << name);
    REQUIRE((have.size() == want.size()));
    if (const Json* n = jsonFind(*entry, "num_parameters")) {
        // Parameters only: the prompt encoder's Gaussian PE matrix is a buffer.
        int64_t count = 0;
        for (const auto& p : sam->parameters()) count += p.numel();
        REQUIRE_MESSAGE((count == jsonInteger(*n)), v << ": " << count << " parameters, manifest says " << jsonInteger(*n));
    }
}
} // namespace

// Data-driven: one case per variant and the manifest that describes it (a sub-case
// each, so a failure names the variant and the others still run).
TEST_CASE("every_variant_matches_its_official_manifest")
{
    const std::pair<const char*, const char*> variants[] = {{"vit_b", "sam/sam_manifest.json"},
                                                            {"vit_l", "sam/sam_manifest.json"},
                                                            {"vit_h", "sam/sam_manifest.json"},
                                                            {"vit_t", "mobilesam/mobilesam_manifest.json"}};
    for (const auto& [variant, manifest] : variants) {
        SUBCASE(variant) { checkVariant(variant, manifest); }
    }
}

TEST_CASE("vit_t_manifest_config_is_ours")
{
    const Json manifest = Json::parse(testsupport::readText(testsupport::sharedTestdata() / "mobilesam" / "mobilesam_manifest.json"));
    const Json* cfg = jsonFind(*jsonFind(manifest, "vit_t"), "config");
    const SamConfig c = samConfigFromJson(cfg->dump());
    const SamConfig v = samConfigForVariant("vit_t");
    REQUIRE((c.isTinyViT()));
    REQUIRE((c.tvEmbedDims == v.tvEmbedDims && c.tvDepths == v.tvDepths && c.tvNumHeads == v.tvNumHeads &&
           c.tvWindowSizes == v.tvWindowSizes));
}

