#include "catalogue.h"

#include "errors.h"
#include "sam.h"

#include <torch/torch.h>

namespace samsp::model {

const std::vector<KnownModel>& knownModels()
{
    static const std::vector<KnownModel> list{
        {"SAM ViT-B", "sam_vit_b_01ec64.pth", "https://dl.fbaipublicfiles.com/segment_anything/sam_vit_b_01ec64.pth",
         "https://github.com/facebookresearch/segment-anything", 375042383,
         "ec2df62732614e57411cdcf32a23ffdf28910380d03139ee0f4fcbe91eb8c912", "vit_b", "Apache-2.0"},
        {"SAM ViT-L", "sam_vit_l_0b3195.pth", "https://dl.fbaipublicfiles.com/segment_anything/sam_vit_l_0b3195.pth",
         "https://github.com/facebookresearch/segment-anything", 1249524607,
         "3adcc4315b642a4d2101128f611684e8734c41232a17c648ed1693702a49a622", "vit_l", "Apache-2.0"},
        {"SAM ViT-H", "sam_vit_h_4b8939.pth", "https://dl.fbaipublicfiles.com/segment_anything/sam_vit_h_4b8939.pth",
         "https://github.com/facebookresearch/segment-anything", 2564550879,
         "a7bf3b02f3ebf1267aba913ff637d9a2d5c33d3173bb679e46d9f338c26f262e", "vit_h", "Apache-2.0"},
        // MobileSAM keeps its weights in its repository; no size or checksum is published,
        // so a download is accepted only if it loads strictly as vit_t.
        {"MobileSAM (TinyViT)", "mobile_sam.pt", "https://github.com/ChaoningZhang/MobileSAM/raw/master/weights/mobile_sam.pt",
         "https://github.com/ChaoningZhang/MobileSAM", 0, "", "vit_t", "Apache-2.0"},
        // MedSAM is published through a shared folder with no stable direct link or checksum:
        // the manager points to the page; the file is then added as a local checkpoint.
        {"MedSAM (ViT-B)", "medsam_vit_b.pth", "", "https://github.com/bowang-lab/MedSAM", 0, "", "vit_b", "Apache-2.0"},
    };
    return list;
}

std::string verificationOf(const KnownModel& m)
{
    if (!m.sha256.empty()) return "SHA-256 " + m.sha256;
    return "no published checksum: must load strictly as " + m.variant + " (every tensor name and shape)";
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
