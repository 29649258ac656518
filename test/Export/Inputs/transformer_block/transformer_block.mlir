gpuos.graph @transformer_block(%x: tensor<2x8x64xf32>, %p_qkv_weight: tensor<192x64xf32>, %p_qkv_bias: tensor<192xf32>, %p_proj_weight: tensor<64x64xf32>, %p_fc1_weight: tensor<256x64xf32>, %p_fc1_bias: tensor<256xf32>, %p_fc2_weight: tensor<64x256xf32>) -> (tensor<2x8x64xf32>) {
  %p_ln1_weight = gpuos.constant dense<"0xF8E9263ED253FDBEDD51553F366643BE5D51A7397D81BFBE6491BE3E6016563D6E3D7A3EAD8BF53D893E2E3D187716BEAD38BF3EF351503E755A0B3F6D8C2ABFB3B9A9BEE0B4163FB2BE163FE2CB263E95E106BFAF8907BF25A9F0BECE24343E8A33793FDFFB513FD2836B3ED4DBF03D37C4C9BE9C44273FA37930BF1FF58BBD919F163EFBAC193FEA0AB9BE3B7D0FBF1B6CA63D69EC0B3F2196A2BEBBBEEE3D4EC0BDBE13E8B5BE0FD17FBF5C74263FE29D47BF2D81A2BE5262503FA89254BEF989CBBEF96DC5BEE413543F0594253EE090643F1461CDBE3F01A43B209E39BE368A123F7F3156BEBF285B3F4D1598BE508DFB3EE14193BE02EFE0BE6ACAAA3C"> : tensor<64xf32>
  %p_ln1_bias = gpuos.constant dense<"0xD39D363D0E6E213BD51AD4BBE481033D6A90893C0C3E4EBD6338583DDD5E073D9BBFB3BC665D90BD301AB53C93F9D7BBC3BD603CA8CA463D490147BD0B4433BC65E4ADBC0EE29E3D0314B53D8B56013CAE26A8BD85ABBEBD21089C3D9E03D23CEC1C9FBD8F2581BDC9C4933D4899013D4283ACBD3DDAD0BC8EF7A03C1A8574BD07265DBC8A9F4C3DE5F34ABDF0105ABDAF1B4C3D53D3C3BDBBA1893D69F5D2BB10DE1ABB90EE8FBDA4CEC7BD083D053D2D3B363D3B9258BDE2C6643D0722513D5C96203ACA180BBC2CE10D3C15D425BCBAF188BD4FDA93BDD5C423BD70F235BDD123A93DB0C92D3DD94C84BC0C7023BD902D953D42A1ABBD245797BC0AEA83BB"> : tensor<64xf32>
  %p_ln2_weight = gpuos.constant dense<"0x5BFD1DBF066AF73EB8D516BEB1B8C83E4C91B1BE5D55103F8F51FB3E9CB42EBF4BC68EBE7A07763FACC2E13E43224DBFD5F94DBF9E21053FF2C9553FDF56E93D22B30EBF830357BF90F51BBF507124BF11B4DB3E208672BF6F41D7BEB5412C3E12F6CFBEC1CC293DBD35ECBEEC7BFCBEE7E9BC3C10E2E6BD45383FBD622BEA3E924679BF7838193FB121B0BEC6C21C3FD32D41BF1EBB76BF504F9CBD4ADDD33EB703193F1131913C36C10D3F7F3E66BF9E22513F4416CCBD0888F7BD1819933E44D86CBF5BABE0BEBCD4F8BEF1FAADBE0718773FA21EA43CE2D2F13D1EFE2C3FF1D65C3F7A9F4F3FB9C6C4BEC5137BBFB363E3BD5D8A39BF13050D3F7B1C74BF"> : tensor<64xf32>
  %p_ln2_bias = gpuos.constant dense<"0xA48A333C5F1A8CBD0A05123A851423BD172ED8BCB0DDB53D2ABDC7BD7DADEFBC1A1AB8BD4704153D49880BBDC0D3683D3F60C43C161E79BD0F1CBA3DB480DCBB3A3E67BD2303BE3D0C1485BD674F9F3D976E76BD6BF8A93D5D727FBDE240133D64AF7B3D4B9DA33D74BFBCBC13EC6D3D785A89BD139CDD3BB49DC2BDD8D8573DFE89543D7AB71FBD6683B83D894D553D7270643DC9BF9ABC344410BD8BC9C13B4E1DA4BDA2BD99BD87C186BD0A11AB3DD5F7CB3D1FC4D8BC2C50B7BD2FFAC1BD20E4643BCA73B03DA03DC5BD75EC163DCA9F3F3DDD5A0F3D9A2D95BD4A6F9D3DE95EA53DD56BC9BC570E8D3D8BD5C73A48C08CBC53A749BD60E250BD1D24C4BB"> : tensor<64xf32>
  %p_proj_bias = gpuos.constant dense<"0x231775BD5D67963D3CC399BD1681EC3B13694ABD735BC13D9830B03DF30C993D12B07F3D93AC1E3D0B8A563D5A0A963D8F1283BC5327013DCF1EACBD86FD60BC2CD1C9BC72B9A0BC388FA33D0A5ADABC2FE28ABC84105B3D15E3B73D1DAD8C3DD8056CBDA926C2BD6BB3863DB95DB33D143141BCFB6E6B3D97D1963B26FAAD3C7608503D98D4C9BD04A5A7BD75FA343D7E5CF6BC10A9673DE851A2BD291181BD571596BDA651A6BD334292BC4E4BE23CA6C125BC3D24753C2E3BC23D2CD4ADBDD4E573BD0E1CF5BBB598BB3D63CB19BB30A88F3D97183D3D5150713DB489A5BD1003B93D0A9C703DD7CB753A3C3141BD30B805BB84291FBD874546BDFF742CBD"> : tensor<64xf32>
  %p_fc2_bias = gpuos.constant dense<"0x6DD09ABCEDDB433D753F76BD153D7ABD72F64A3DA696953D2909843CA8740FBDC714A7BDD9B8383D964140BD641F74BD59AF05BC7E08AD3CBA8B083DBAEDB13D922B74BD0633423D4C3ABFBDC0F43A3DBC3C24BDC8C937BCAB16A03DF849A7BD37912A3D748A89BD7BB469BD8C807D3B9AC1A93D0D91C53D416536BC64B174BDBA7CE5BCEAB5253DAA30963D834E2EBDF95513BC9473A13D40DFC8BDAD47AF3DDF4096BD07D566BDEE87D83B78F23B3DF1EA6C3DF06E7C3D5E7C40BD345914BD7AB7D0BC35BC5CBDD9CE4ABC6D4498BD71A7BF3D124BF83B96D2603D77E29A3D8884063D5CD2A83D9375433D942577BC85714FBD9CEC793B97A880BDBD240D3B"> : tensor<64xf32>
  %native_layer_norm = gpuos.layer_norm %x weight(%p_ln1_weight : tensor<64xf32>) bias(%p_ln1_bias : tensor<64xf32>) dims = 1 eps = 1.0e-05 : tensor<2x8x64xf32>
  %view = gpuos.reshape %native_layer_norm : tensor<2x8x64xf32> -> tensor<16x64xf32>
  %addmm = gpuos.matmul %view, %p_qkv_weight transpose_rhs : tensor<16x64xf32>, tensor<192x64xf32> -> tensor<16x192xf32>
  %addmm_1 = gpuos.add %addmm, %p_qkv_bias : tensor<16x192xf32>, tensor<192xf32> -> tensor<16x192xf32>
  %view_1 = gpuos.reshape %addmm_1 : tensor<16x192xf32> -> tensor<2x8x192xf32>
  %split_with_sizes = gpuos.slice %view_1 starts = [0, 0, 0] limits = [2, 8, 64] strides = [1, 1, 1] : tensor<2x8x192xf32> -> tensor<2x8x64xf32>
  %split_with_sizes_1 = gpuos.slice %view_1 starts = [0, 0, 64] limits = [2, 8, 128] strides = [1, 1, 1] : tensor<2x8x192xf32> -> tensor<2x8x64xf32>
  %split_with_sizes_2 = gpuos.slice %view_1 starts = [0, 0, 128] limits = [2, 8, 192] strides = [1, 1, 1] : tensor<2x8x192xf32> -> tensor<2x8x64xf32>
  %view_2 = gpuos.reshape %split_with_sizes : tensor<2x8x64xf32> -> tensor<2x8x4x16xf32>
  %permute_1 = gpuos.permute %view_2 [0, 2, 1, 3] : tensor<2x8x4x16xf32> -> tensor<2x4x8x16xf32>
  %view_3 = gpuos.reshape %split_with_sizes_1 : tensor<2x8x64xf32> -> tensor<2x8x4x16xf32>
  %permute_2 = gpuos.permute %view_3 [0, 2, 1, 3] : tensor<2x8x4x16xf32> -> tensor<2x4x8x16xf32>
  %view_4 = gpuos.reshape %split_with_sizes_2 : tensor<2x8x64xf32> -> tensor<2x8x4x16xf32>
  %permute_3 = gpuos.permute %view_4 [0, 2, 1, 3] : tensor<2x8x4x16xf32> -> tensor<2x4x8x16xf32>
  %scaled_dot_product_attention_1 = gpuos.matmul %permute_1, %permute_2 transpose_rhs : tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32> -> tensor<2x4x8x8xf32>
  %scaled_dot_product_attention_2 = gpuos.fill 0.25 : f32 -> tensor<f32>
  %scaled_dot_product_attention_3 = gpuos.mul %scaled_dot_product_attention_1, %scaled_dot_product_attention_2 : tensor<2x4x8x8xf32>, tensor<f32> -> tensor<2x4x8x8xf32>
  %scaled_dot_product_attention_4 = gpuos.fill 0xFF800000 : f32 -> tensor<f32>
  %scaled_dot_product_attention_5 = gpuos.constant dense<[[true, false, false, false, false, false, false, false], [true, true, false, false, false, false, false, false], [true, true, true, false, false, false, false, false], [true, true, true, true, false, false, false, false], [true, true, true, true, true, false, false, false], [true, true, true, true, true, true, false, false], [true, true, true, true, true, true, true, false], [true, true, true, true, true, true, true, true]]> : tensor<8x8xi1>
  %scaled_dot_product_attention_6 = gpuos.select %scaled_dot_product_attention_5, %scaled_dot_product_attention_3, %scaled_dot_product_attention_4 : tensor<8x8xi1>, tensor<2x4x8x8xf32>, tensor<f32> -> tensor<2x4x8x8xf32>
  %scaled_dot_product_attention_7 = gpuos.softmax %scaled_dot_product_attention_6 axis = 3 : tensor<2x4x8x8xf32>
  %scaled_dot_product_attention_8 = gpuos.matmul %scaled_dot_product_attention_7, %permute_3 : tensor<2x4x8x8xf32>, tensor<2x4x8x16xf32> -> tensor<2x4x8x16xf32>
  %permute_4 = gpuos.permute %scaled_dot_product_attention_8 [0, 2, 1, 3] : tensor<2x4x8x16xf32> -> tensor<2x8x4x16xf32>
  %view_5 = gpuos.reshape %permute_4 : tensor<2x8x4x16xf32> -> tensor<2x8x64xf32>
  %view_6 = gpuos.reshape %view_5 : tensor<2x8x64xf32> -> tensor<16x64xf32>
  %addmm_1_1 = gpuos.matmul %view_6, %p_proj_weight transpose_rhs : tensor<16x64xf32>, tensor<64x64xf32> -> tensor<16x64xf32>
  %addmm_1_2 = gpuos.add %addmm_1_1, %p_proj_bias : tensor<16x64xf32>, tensor<64xf32> -> tensor<16x64xf32>
  %view_7 = gpuos.reshape %addmm_1_2 : tensor<16x64xf32> -> tensor<2x8x64xf32>
  %add = gpuos.add %x, %view_7 : tensor<2x8x64xf32>, tensor<2x8x64xf32> -> tensor<2x8x64xf32>
  %native_layer_norm_1 = gpuos.layer_norm %add weight(%p_ln2_weight : tensor<64xf32>) bias(%p_ln2_bias : tensor<64xf32>) dims = 1 eps = 1.0e-05 : tensor<2x8x64xf32>
  %view_8 = gpuos.reshape %native_layer_norm_1 : tensor<2x8x64xf32> -> tensor<16x64xf32>
  %addmm_2 = gpuos.matmul %view_8, %p_fc1_weight transpose_rhs : tensor<16x64xf32>, tensor<256x64xf32> -> tensor<16x256xf32>
  %addmm_2_1 = gpuos.add %addmm_2, %p_fc1_bias : tensor<16x256xf32>, tensor<256xf32> -> tensor<16x256xf32>
  %view_9 = gpuos.reshape %addmm_2_1 : tensor<16x256xf32> -> tensor<2x8x256xf32>
  %gelu = gpuos.gelu erf %view_9 : tensor<2x8x256xf32>
  %view_10 = gpuos.reshape %gelu : tensor<2x8x256xf32> -> tensor<16x256xf32>
  %addmm_3 = gpuos.matmul %view_10, %p_fc2_weight transpose_rhs : tensor<16x256xf32>, tensor<64x256xf32> -> tensor<16x64xf32>
  %addmm_3_1 = gpuos.add %addmm_3, %p_fc2_bias : tensor<16x64xf32>, tensor<64xf32> -> tensor<16x64xf32>
  %view_11 = gpuos.reshape %addmm_3_1 : tensor<16x64xf32> -> tensor<2x8x64xf32>
  %add_1 = gpuos.add %add, %view_11 : tensor<2x8x64xf32>, tensor<2x8x64xf32> -> tensor<2x8x64xf32>
  gpuos.return %add_1 : tensor<2x8x64xf32>
}
