import type { Image } from "@peykarband/domain";
import { Field, ID, ObjectType } from "type-graphql";

@ObjectType("Image", { description: "An operating system a server can be created or rebuilt with." })
export class ImageType {
  @Field(() => ID, {
    description:
      'Stable id of the image, such as "ubuntu-24.04"; pass it to `orderServer` or `rebuildServer`.',
  })
  id!: string;

  @Field(() => String, { description: "Display name, such as 'Ubuntu 24.04 LTS'." })
  name!: string;

  @Field(() => String, { description: "The distribution, such as 'ubuntu' or 'debian'." })
  distribution!: string;

  @Field(() => String, { description: "The distribution's version, such as '24.04'." })
  version!: string;

  /** Never the providers' own image ids. */
  static from(image: Image): ImageType {
    return Object.assign(new ImageType(), {
      id: image.id,
      name: image.name,
      distribution: image.distribution,
      version: image.version,
    });
  }
}
