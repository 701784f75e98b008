#include "catalogue.h"

#include "checkpoint.h"
#include "errors.h"
#include "json.h"
#include "sam.h"

#include <torch/torch.h>

#include <cstdio>

namespace samsp::model {

const std::vector<KnownModel>& knownModels()
{
    static const std::vector<KnownModel> list{
        {"SAM ViT-B", "sam_vit_b_01ec64.pth", "https://dl.fbaipublicfiles.com/segment_anything/sam_vit_b_01ec64.pth",
         "https://github.com/facebookresearch/segment-anything", 375042383,
         "ec2df62732614e57411cdcf32a23ffdf28910380d03139ee0f4fcbe91eb8c912", "vit_b", "Apache-2.0", "SA-1B: 11 M images, 1.1 B masks (Meta AI)"},
        {"SAM ViT-L", "sam_vit_l_0b3195.pth", "https://dl.fbaipublicfiles.com/segment_anything/sam_vit_l_0b3195.pth",
         "https://github.com/facebookresearch/segment-anything", 1249524607,
         "3adcc4315b642a4d2101128f611684e8734c41232a17c648ed1693702a49a622", "vit_l", "Apache-2.0", "SA-1B: 11 M images, 1.1 B masks (Meta AI)"},
        {"SAM ViT-H", "sam_vit_h_4b8939.pth", "https://dl.fbaipublicfiles.com/segment_anything/sam_vit_h_4b8939.pth",
         "https://github.com/facebookresearch/segment-anything", 2564550879,
         "a7bf3b02f3ebf1267aba913ff637d9a2d5c33d3173bb679e46d9f338c26f262e", "vit_h", "Apache-2.0", "SA-1B: 11 M images, 1.1 B masks (Meta AI)"},
        // MobileSAM keeps its weights in its repository; no size or checksum is published,
        // so a download is accepted only if it loads strictly as vit_t.
        {"MobileSAM (TinyViT)", "mobile_sam.pt", "https://github.com/ChaoningZhang/MobileSAM/raw/master/weights/mobile_sam.pt",
         "https://github.com/ChaoningZhang/MobileSAM", 0, "", "vit_t", "Apache-2.0",
         "distilled from SAM ViT-H on 1 % of SA-1B"},
        // MedSAM is published through a shared folder with no stable direct link or checksum:
        // the manager points to the page; the file is then added as a local checkpoint.
        {"MedSAM (ViT-B)", "medsam_vit_b.pth", "", "https://github.com/bowang-lab/MedSAM", 0, "", "vit_b", "Apache-2.0",
         "SAM ViT-B fine-tuned on 1.57 M medical image-mask pairs"},
    };
    return list;
}

std::string verificationOf(const KnownModel& m)
{
    if (!m.sha256.empty()) return "SHA-256 " + m.sha256;
    return "no published checksum: must load strictly as " + m.variant + " (every tensor name and shape)";
}

std::string describeTraining(const std::filesystem::path& path)
{
    const auto md = readSafetensorsMetadata(path);
    if (auto it = md.find("samsp.data"); it != md.end()) {
        try {
            const Json data = Json::parse(it->second);
            const Json* f = jsonFind(data, "folder");
            const Json* n = jsonFind(data, "train_images");
            std::string folder = f && f->is_string() ? std::filesystem::path(f->get<std::string>()).lexically_normal().generic_string() : "";
            while (!folder.empty() && folder.back() == '/') folder.pop_back();
            // The last two parts name the data without the machine's own paths.
            if (const auto last = folder.rfind('/'); last != std::string::npos && last > 0)
                if (const auto cut = folder.rfind('/', last - 1); cut != std::string::npos) folder = "..." + folder.substr(cut);
            std::string s = "samsp train on " + std::to_string(n && n->is_number() ? jsonInteger(*n) : 0) + " images of '" + folder + "'";
            if (auto e = md.find("samsp.epoch"); e != md.end()) s += ", " + e->second + " epoch(s)";
            if (auto m = md.find("samsp.metrics"); m != md.end()) {
                const Json metrics = Json::parse(m->second);
                if (const Json* d = jsonFind(metrics, "val_dice_samsp"); d && d->is_number()) {
                    char buf[64];
                    std::snprintf(buf, sizeof buf, ", val Dice %.3f", d->get<double>());
                    s += buf;
                }
            }
            if (auto i = md.find("samsp.init"); i != md.end() && !i->second.empty())
                s += ", from " + std::filesystem::path(i->second).filename().string();
            else
                s += ", from a random start";
            return s;
        } catch (const std::exception&) {
            return "samsp train (unreadable metadata)";
        }
    }
    if (auto it = md.find("samsp.card"); it != md.end()) return it->second;
    const std::string name = path.filename().string();
    for (const auto& m : knownModels())
        if (m.file == name) return m.trainedOn;
    return "unknown";
}

void verifyCheckpointIsVariant(const std::filesystem::path& path, const std::string& variant)
{
    Checkpoint ck = loadCheckpoint(path);
    SamConfig want = samConfigForVariant(variant);
    torch::NoGradGuard ng;
    Sam sam(want);
    sam->loadStateDict(ck.tensors, path.string()); // strict: lists every difference
}

} // namespace samsp::model
