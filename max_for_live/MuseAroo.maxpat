{
  "patcher": {
    "fileversion": 1,
    "appversion": {
      "major": 8,
      "minor": 6,
      "revision": 0,
      "architecture": "x64",
      "modernui": 1
    },
    "classnamespace": "box",
    "rect": [
      100.0,
      100.0,
      1000.0,
      700.0
    ],
    "openrect": [
      0.0,
      0.0,
      772.0,
      169.0
    ],
    "openinpresentation": 1,
    "default_fontsize": 10.0,
    "default_fontface": 0,
    "default_fontname": "Arial Bold",
    "gridsize": [
      8.0,
      8.0
    ],
    "devicewidth": 772.0,
    "description": "MuseAroo: generate parts, MusicGen, analysis and stems from a local daemon",
    "boxes": [
      {
        "box": {
          "id": "obj-1",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            20.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "text": "node.script musearoo_device.js @autostart 1",
          "saved_object_attributes": {
            "autostart": 1,
            "defer": 0,
            "watch": 0
          }
        }
      },
      {
        "box": {
          "id": "obj-2",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            480.0,
            20.0,
            200.0,
            22.0
          ],
          "text": "udpsend 127.0.0.1 11041"
        }
      },
      {
        "box": {
          "id": "obj-3",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            710.0,
            20.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "udpreceive 11042"
        }
      },
      {
        "box": {
          "id": "obj-4",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 8,
          "patching_rect": [
            20.0,
            60.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            ""
          ],
          "text": "route osc listen status progress rtt context source"
        }
      },
      {
        "box": {
          "id": "obj-5",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            250.0,
            60.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend port"
        }
      },
      {
        "box": {
          "id": "obj-6",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            480.0,
            60.0,
            200.0,
            22.0
          ],
          "text": "print MuseAroo"
        }
      },
      {
        "box": {
          "id": "obj-7",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "patching_rect": [
            710.0,
            60.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            "",
            ""
          ],
          "text": "live.thisdevice"
        }
      },
      {
        "box": {
          "id": "obj-8",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            20.0,
            100.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "text": "t b b"
        }
      },
      {
        "box": {
          "id": "obj-9",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            250.0,
            100.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "js musearoo_track.js"
        }
      },
      {
        "box": {
          "id": "obj-10",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            100.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "loaded"
        }
      },
      {
        "box": {
          "id": "obj-11",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            710.0,
            100.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "midiin"
        }
      },
      {
        "box": {
          "id": "obj-12",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            20.0,
            140.0,
            200.0,
            22.0
          ],
          "text": "midiout"
        }
      },
      {
        "box": {
          "id": "obj-13",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            140.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            4,
            4,
            50,
            18
          ],
          "text": "Drums",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Drums",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Drums",
              "parameter_shortname": "Drums",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-14",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            140.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "generate drums"
        }
      },
      {
        "box": {
          "id": "obj-15",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            710.0,
            140.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            56,
            4,
            50,
            18
          ],
          "text": "Bass",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Bass",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Bass",
              "parameter_shortname": "Bass",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-16",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            180.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "generate bass"
        }
      },
      {
        "box": {
          "id": "obj-17",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            180.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            108,
            4,
            50,
            18
          ],
          "text": "Chords",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Chords",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Chords",
              "parameter_shortname": "Chords",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-18",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            180.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "generate chords"
        }
      },
      {
        "box": {
          "id": "obj-19",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            710.0,
            180.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            160,
            4,
            50,
            18
          ],
          "text": "Melody",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Melody",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Melody",
              "parameter_shortname": "Melody",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-20",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            220.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "generate melody"
        }
      },
      {
        "box": {
          "id": "obj-21",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            220.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            212,
            4,
            50,
            18
          ],
          "text": "All",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "All",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "All",
              "parameter_shortname": "All",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-22",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            220.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "generate all"
        }
      },
      {
        "box": {
          "id": "obj-23",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            710.0,
            220.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            264,
            4,
            50,
            18
          ],
          "text": "Song",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Song",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Song",
              "parameter_shortname": "Song",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-24",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            260.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "generate song"
        }
      },
      {
        "box": {
          "id": "obj-25",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            260.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            318,
            4,
            54,
            18
          ],
          "text": "Vary",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Vary",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Vary",
              "parameter_shortname": "Vary",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-26",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            260.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "vary"
        }
      },
      {
        "box": {
          "id": "obj-27",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            710.0,
            260.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            376,
            4,
            60,
            18
          ],
          "text": "Cancel",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Cancel",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Cancel",
              "parameter_shortname": "Cancel",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-28",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            300.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "cancel"
        }
      },
      {
        "box": {
          "id": "obj-29",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            250.0,
            300.0,
            200.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            4,
            27,
            30,
            18
          ],
          "text": "Bars"
        }
      },
      {
        "box": {
          "id": "obj-30",
          "maxclass": "live.numbox",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            480.0,
            300.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            34,
            28,
            36,
            17
          ],
          "parameter_enable": 1,
          "varname": "Bars",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Bars",
              "parameter_shortname": "Bars",
              "parameter_type": 1,
              "parameter_mmin": 1,
              "parameter_mmax": 64,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                4
              ]
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-31",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            710.0,
            300.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend bars"
        }
      },
      {
        "box": {
          "id": "obj-32",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            20.0,
            340.0,
            200.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            76,
            27,
            36,
            18
          ],
          "text": "Genre"
        }
      },
      {
        "box": {
          "id": "obj-33",
          "maxclass": "live.menu",
          "numinlets": 1,
          "numoutlets": 3,
          "patching_rect": [
            250.0,
            340.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            112,
            28,
            86,
            17
          ],
          "parameter_enable": 1,
          "varname": "Genre",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Genre",
              "parameter_shortname": "Genre",
              "parameter_type": 2,
              "parameter_enum": [
                "pop",
                "rock",
                "jazz",
                "electronic",
                "hip-hop",
                "classical",
                "country",
                "blues",
                "reggae",
                "ambient",
                "house",
                "techno",
                "trap",
                "drum-and-bass",
                "lo-fi",
                "funk",
                "neo-soul",
                "metal"
              ],
              "parameter_mmax": 17,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0
              ]
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-34",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            340.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend genre"
        }
      },
      {
        "box": {
          "id": "obj-35",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            710.0,
            340.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            204,
            28,
            84,
            17
          ],
          "text": "Selected track",
          "texton": "This track",
          "mode": 1,
          "parameter_enable": 1,
          "varname": "Target",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Target",
              "parameter_shortname": "Target",
              "parameter_type": 2,
              "parameter_enum": [
                "Selected track",
                "This track"
              ],
              "parameter_mmax": 1,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                1
              ]
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-36",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            380.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend follow"
        }
      },
      {
        "box": {
          "id": "obj-37",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            380.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            292,
            28,
            80,
            17
          ],
          "text": "Session slot",
          "texton": "Arrangement",
          "mode": 1,
          "parameter_enable": 1,
          "varname": "Arrangement",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Arrangement",
              "parameter_shortname": "Arrangement",
              "parameter_type": 2,
              "parameter_enum": [
                "Session slot",
                "Arrangement"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-38",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            380.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend arrangement"
        }
      },
      {
        "box": {
          "id": "obj-39",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            710.0,
            380.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            4,
            50,
            52,
            48
          ],
          "parameter_enable": 1,
          "varname": "Density",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Density",
              "parameter_shortname": "Density",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_unitstyle": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-40",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            420.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend density"
        }
      },
      {
        "box": {
          "id": "obj-41",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            420.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            58,
            50,
            52,
            48
          ],
          "parameter_enable": 1,
          "varname": "Complexity",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Complexity",
              "parameter_shortname": "Complexity",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_unitstyle": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-42",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            420.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend complexity"
        }
      },
      {
        "box": {
          "id": "obj-43",
          "maxclass": "live.menu",
          "numinlets": 1,
          "numoutlets": 3,
          "patching_rect": [
            710.0,
            420.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            4,
            100,
            62,
            14
          ],
          "parameter_enable": 1,
          "varname": "Transform kind",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Transform kind",
              "parameter_shortname": "Transform kind",
              "parameter_type": 2,
              "parameter_enum": [
                "vary",
                "humanize",
                "quantize",
                "swing",
                "half_time",
                "double_time",
                "density",
                "ornament",
                "revoice",
                "transpose",
                "retrograde",
                "invert",
                "fill",
                "clear",
                "velocity",
                "shift",
                "waltz",
                "sparse_hits",
                "straight",
                "syncopate",
                "four_on_the_floor",
                "offbeat_stabs",
                "ghost_notes",
                "more_movement"
              ],
              "parameter_mmax": 23,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0
              ]
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-44",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            460.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend transformkind"
        }
      },
      {
        "box": {
          "id": "obj-45",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            460.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            68,
            100,
            44,
            14
          ],
          "text": "Transform",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Transform",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Transform",
              "parameter_shortname": "Transform",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-46",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            460.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "transform"
        }
      },
      {
        "box": {
          "id": "obj-47",
          "maxclass": "textedit",
          "numinlets": 1,
          "numoutlets": 4,
          "patching_rect": [
            710.0,
            460.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            "",
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            116,
            52,
            248,
            20
          ],
          "varname": "Prompt",
          "keymode": 1,
          "lines": 1,
          "text": "lofi piano loop with vinyl crackle"
        }
      },
      {
        "box": {
          "id": "obj-48",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            500.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend prompt"
        }
      },
      {
        "box": {
          "id": "obj-49",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            500.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            368,
            52,
            68,
            20
          ],
          "text": "MusicGen",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "MusicGen",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "MusicGen",
              "parameter_shortname": "MusicGen",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-50",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            480.0,
            500.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "text": "t b b"
        }
      },
      {
        "box": {
          "id": "obj-51",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            710.0,
            500.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "musicgen"
        }
      },
      {
        "box": {
          "id": "obj-52",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            20.0,
            540.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            116,
            78,
            76,
            18
          ],
          "text": "Analyze clip",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Analyze clip",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Analyze clip",
              "parameter_shortname": "Analyze clip",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-53",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            250.0,
            540.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "analyze"
        }
      },
      {
        "box": {
          "id": "obj-54",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            480.0,
            540.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            116,
            98,
            76,
            16
          ],
          "text": "Warp to song",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Warp to song",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Warp to song",
              "parameter_shortname": "Warp to song",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-55",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            710.0,
            540.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "warp"
        }
      },
      {
        "box": {
          "id": "obj-56",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            20.0,
            580.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            196,
            78,
            70,
            18
          ],
          "text": "Split stems",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Split stems",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Split stems",
              "parameter_shortname": "Split stems",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-57",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            250.0,
            580.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "separate"
        }
      },
      {
        "box": {
          "id": "obj-58",
          "maxclass": "live.menu",
          "numinlets": 1,
          "numoutlets": 3,
          "patching_rect": [
            480.0,
            580.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            270,
            78,
            94,
            18
          ],
          "parameter_enable": 1,
          "varname": "Stem model",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Stem model",
              "parameter_shortname": "Stem model",
              "parameter_type": 2,
              "parameter_enum": [
                "htdemucs",
                "htdemucs_ft",
                "htdemucs_6s",
                "mdx_extra"
              ],
              "parameter_mmax": 3,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0
              ]
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-59",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            710.0,
            580.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend model"
        }
      },
      {
        "box": {
          "id": "obj-60",
          "maxclass": "live.button",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            620.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            368,
            78,
            68,
            18
          ],
          "transition": 2,
          "parameter_enable": 1,
          "varname": "Voice",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Voice",
              "parameter_shortname": "Voice",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-61",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            250.0,
            620.0,
            200.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            368,
            98,
            68,
            16
          ],
          "text": "Voice (hold)"
        }
      },
      {
        "box": {
          "id": "obj-62",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            620.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "voice"
        }
      },
      {
        "box": {
          "id": "obj-63",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            710.0,
            620.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            196,
            98,
            82,
            16
          ],
          "text": "Jam",
          "texton": "Jamming",
          "mode": 1,
          "parameter_enable": 1,
          "varname": "Jam",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Jam",
              "parameter_shortname": "Jam",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-64",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            660.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend jam"
        }
      },
      {
        "box": {
          "id": "obj-65",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            660.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            282,
            98,
            82,
            16
          ],
          "text": "Rec jam",
          "texton": "Rec jam on",
          "mode": 1,
          "parameter_enable": 1,
          "varname": "Rec jam",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Rec jam",
              "parameter_shortname": "Rec jam",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-66",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            660.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend jamrecord"
        }
      },
      {
        "box": {
          "id": "obj-67",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            710.0,
            660.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            444,
            4,
            108,
            18
          ],
          "text": "Genre groove",
          "texton": "My groove",
          "mode": 1,
          "parameter_enable": 1,
          "varname": "Groove",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Groove",
              "parameter_shortname": "Groove",
              "parameter_type": 2,
              "parameter_enum": [
                "Genre groove",
                "My groove"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-68",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            700.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend groove"
        }
      },
      {
        "box": {
          "id": "obj-69",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            700.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            444,
            26,
            52,
            48
          ],
          "parameter_enable": 1,
          "varname": "Swing",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Swing",
              "parameter_shortname": "Swing",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.0
              ],
              "parameter_unitstyle": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-70",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            700.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend swing"
        }
      },
      {
        "box": {
          "id": "obj-71",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            710.0,
            700.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            500,
            26,
            52,
            48
          ],
          "parameter_enable": 1,
          "varname": "Humanize",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Humanize",
              "parameter_shortname": "Humanize",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.3
              ],
              "parameter_unitstyle": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-72",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            740.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend humanize"
        }
      },
      {
        "box": {
          "id": "obj-73",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            740.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            444,
            76,
            52,
            48
          ],
          "parameter_enable": 1,
          "varname": "Accent",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Accent",
              "parameter_shortname": "Accent",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_unitstyle": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-74",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            740.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend accent"
        }
      },
      {
        "box": {
          "id": "obj-75",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            710.0,
            740.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            500,
            76,
            52,
            48
          ],
          "parameter_enable": 1,
          "varname": "Intensity",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Intensity",
              "parameter_shortname": "Intensity",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.5
              ],
              "parameter_unitstyle": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-76",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            780.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend intensity"
        }
      },
      {
        "box": {
          "id": "obj-77",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            250.0,
            780.0,
            200.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            444,
            128,
            30,
            18
          ],
          "text": "Fills"
        }
      },
      {
        "box": {
          "id": "obj-78",
          "maxclass": "live.menu",
          "numinlets": 1,
          "numoutlets": 3,
          "patching_rect": [
            480.0,
            780.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            476,
            129,
            76,
            17
          ],
          "parameter_enable": 1,
          "varname": "Fills",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Fills",
              "parameter_shortname": "Fills",
              "parameter_type": 2,
              "parameter_enum": [
                "genre",
                "none",
                "phrase",
                "4"
              ],
              "parameter_mmax": 3,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0
              ]
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-79",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            710.0,
            780.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend fills"
        }
      },
      {
        "box": {
          "id": "obj-80",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            20.0,
            820.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            560,
            4,
            100,
            18
          ],
          "text": "History",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "History",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "History",
              "parameter_shortname": "History",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-81",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            250.0,
            820.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "history"
        }
      },
      {
        "box": {
          "id": "obj-82",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            480.0,
            820.0,
            200.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            560,
            27,
            30,
            18
          ],
          "text": "Take"
        }
      },
      {
        "box": {
          "id": "obj-83",
          "maxclass": "live.numbox",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            710.0,
            820.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            594,
            28,
            36,
            17
          ],
          "parameter_enable": 1,
          "varname": "Take",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Take",
              "parameter_shortname": "Take",
              "parameter_type": 1,
              "parameter_mmin": 1,
              "parameter_mmax": 8,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                1
              ]
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-84",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            860.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend take"
        }
      },
      {
        "box": {
          "id": "obj-85",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            860.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            560,
            50,
            100,
            18
          ],
          "text": "Recall",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Recall",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Recall",
              "parameter_shortname": "Recall",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-86",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            860.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "recall"
        }
      },
      {
        "box": {
          "id": "obj-87",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            710.0,
            860.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            560,
            72,
            100,
            18
          ],
          "text": "Star",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Star",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Star",
              "parameter_shortname": "Star",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-88",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            900.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "star"
        }
      },
      {
        "box": {
          "id": "obj-89",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            900.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            560,
            94,
            100,
            18
          ],
          "text": "Undo that",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Undo that",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Undo that",
              "parameter_shortname": "Undo that",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-90",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            900.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "undo"
        }
      },
      {
        "box": {
          "id": "obj-91",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            710.0,
            900.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            560,
            116,
            100,
            16
          ],
          "text": "Follow nothing",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Follow nothing",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Follow nothing",
              "parameter_shortname": "Follow nothing",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-92",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            20.0,
            940.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "follownothing"
        }
      },
      {
        "box": {
          "id": "obj-93",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            250.0,
            940.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            560,
            134,
            100,
            14
          ],
          "text": "Chords from clip",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Chords from clip",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Chords from clip",
              "parameter_shortname": "Chords from clip",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-94",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            940.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "followclip"
        }
      },
      {
        "box": {
          "id": "obj-95",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            710.0,
            940.0,
            200.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            668,
            4,
            100,
            16
          ],
          "text": "Audio to MIDI"
        }
      },
      {
        "box": {
          "id": "obj-96",
          "maxclass": "live.menu",
          "numinlets": 1,
          "numoutlets": 3,
          "patching_rect": [
            20.0,
            980.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            668,
            22,
            100,
            17
          ],
          "parameter_enable": 1,
          "varname": "MIDI kind",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "MIDI kind",
              "parameter_shortname": "MIDI kind",
              "parameter_type": 2,
              "parameter_enum": [
                "auto",
                "melody",
                "bass",
                "piano",
                "chords",
                "drums"
              ],
              "parameter_mmax": 5,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0
              ]
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-97",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            250.0,
            980.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend midikind"
        }
      },
      {
        "box": {
          "id": "obj-98",
          "maxclass": "live.dial",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            480.0,
            980.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            668,
            42,
            52,
            48
          ],
          "parameter_enable": 1,
          "varname": "Quantize",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Quantize",
              "parameter_shortname": "Quantize",
              "parameter_type": 0,
              "parameter_mmin": 0.0,
              "parameter_mmax": 1.0,
              "parameter_initial_enable": 1,
              "parameter_initial": [
                0.0
              ],
              "parameter_unitstyle": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-99",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            710.0,
            980.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend quantize"
        }
      },
      {
        "box": {
          "id": "obj-100",
          "maxclass": "live.text",
          "numinlets": 1,
          "numoutlets": 2,
          "patching_rect": [
            20.0,
            1020.0,
            200.0,
            22.0
          ],
          "outlettype": [
            "",
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            668,
            94,
            100,
            18
          ],
          "text": "Convert to MIDI",
          "mode": 0,
          "parameter_enable": 1,
          "varname": "Convert to MIDI",
          "saved_attribute_attributes": {
            "valueof": {
              "parameter_longname": "Convert to MIDI",
              "parameter_shortname": "Convert to MIDI",
              "parameter_type": 2,
              "parameter_enum": [
                "off",
                "on"
              ],
              "parameter_mmax": 1
            }
          }
        }
      },
      {
        "box": {
          "id": "obj-101",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "patching_rect": [
            250.0,
            1020.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "tomidi"
        }
      },
      {
        "box": {
          "id": "obj-102",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            480.0,
            1020.0,
            200.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            4,
            116,
            432,
            16
          ],
          "text": "starting...",
          "varname": "status"
        }
      },
      {
        "box": {
          "id": "obj-103",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            710.0,
            1020.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend set"
        }
      },
      {
        "box": {
          "id": "obj-104",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            20.0,
            1060.0,
            200.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            4,
            138,
            432,
            14
          ],
          "text": "",
          "varname": "rtt"
        }
      },
      {
        "box": {
          "id": "obj-105",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            250.0,
            1060.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend set"
        }
      },
      {
        "box": {
          "id": "obj-106",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            480.0,
            1060.0,
            200.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            4,
            152,
            432,
            14
          ],
          "text": "",
          "varname": "context"
        }
      },
      {
        "box": {
          "id": "obj-107",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            710.0,
            1060.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend set"
        }
      },
      {
        "box": {
          "id": "obj-108",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            20.0,
            1100.0,
            200.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            444,
            152,
            216,
            14
          ],
          "text": "",
          "varname": "source"
        }
      },
      {
        "box": {
          "id": "obj-109",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            250.0,
            1100.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend set"
        }
      },
      {
        "box": {
          "id": "obj-110",
          "maxclass": "slider",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            480.0,
            1100.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "presentation": 1,
          "presentation_rect": [
            4,
            132,
            432,
            5
          ],
          "orientation": 1,
          "size": 101.0,
          "ignoreclick": 1,
          "varname": "progress"
        }
      },
      {
        "box": {
          "id": "obj-111",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "patching_rect": [
            710.0,
            1100.0,
            200.0,
            22.0
          ],
          "outlettype": [
            ""
          ],
          "text": "prepend set"
        }
      }
    ],
    "lines": [
      {
        "patchline": {
          "source": [
            "obj-3",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-1",
            0
          ],
          "destination": [
            "obj-4",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-4",
            0
          ],
          "destination": [
            "obj-2",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-4",
            1
          ],
          "destination": [
            "obj-5",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-5",
            0
          ],
          "destination": [
            "obj-3",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-4",
            7
          ],
          "destination": [
            "obj-6",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-7",
            0
          ],
          "destination": [
            "obj-8",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-8",
            1
          ],
          "destination": [
            "obj-9",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-9",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-8",
            0
          ],
          "destination": [
            "obj-10",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-10",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-11",
            0
          ],
          "destination": [
            "obj-12",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-13",
            0
          ],
          "destination": [
            "obj-14",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-14",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-15",
            0
          ],
          "destination": [
            "obj-16",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-16",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-17",
            0
          ],
          "destination": [
            "obj-18",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-18",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-19",
            0
          ],
          "destination": [
            "obj-20",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-20",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-21",
            0
          ],
          "destination": [
            "obj-22",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-22",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-23",
            0
          ],
          "destination": [
            "obj-24",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-24",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-25",
            0
          ],
          "destination": [
            "obj-26",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-26",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-27",
            0
          ],
          "destination": [
            "obj-28",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-28",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-30",
            0
          ],
          "destination": [
            "obj-31",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-31",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-33",
            0
          ],
          "destination": [
            "obj-34",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-34",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-35",
            0
          ],
          "destination": [
            "obj-36",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-36",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-37",
            0
          ],
          "destination": [
            "obj-38",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-38",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-39",
            0
          ],
          "destination": [
            "obj-40",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-40",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-41",
            0
          ],
          "destination": [
            "obj-42",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-42",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-43",
            0
          ],
          "destination": [
            "obj-44",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-44",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-45",
            0
          ],
          "destination": [
            "obj-46",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-46",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-47",
            0
          ],
          "destination": [
            "obj-48",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-48",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-49",
            0
          ],
          "destination": [
            "obj-50",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-50",
            1
          ],
          "destination": [
            "obj-47",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-50",
            0
          ],
          "destination": [
            "obj-51",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-51",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-52",
            0
          ],
          "destination": [
            "obj-53",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-53",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-54",
            0
          ],
          "destination": [
            "obj-55",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-55",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-56",
            0
          ],
          "destination": [
            "obj-57",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-57",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-58",
            0
          ],
          "destination": [
            "obj-59",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-59",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-60",
            0
          ],
          "destination": [
            "obj-62",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-62",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-63",
            0
          ],
          "destination": [
            "obj-64",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-64",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-65",
            0
          ],
          "destination": [
            "obj-66",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-66",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-67",
            0
          ],
          "destination": [
            "obj-68",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-68",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-69",
            0
          ],
          "destination": [
            "obj-70",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-70",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-71",
            0
          ],
          "destination": [
            "obj-72",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-72",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-73",
            0
          ],
          "destination": [
            "obj-74",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-74",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-75",
            0
          ],
          "destination": [
            "obj-76",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-76",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-78",
            0
          ],
          "destination": [
            "obj-79",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-79",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-80",
            0
          ],
          "destination": [
            "obj-81",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-81",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-83",
            0
          ],
          "destination": [
            "obj-84",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-84",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-85",
            0
          ],
          "destination": [
            "obj-86",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-86",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-87",
            0
          ],
          "destination": [
            "obj-88",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-88",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-89",
            0
          ],
          "destination": [
            "obj-90",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-90",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-91",
            0
          ],
          "destination": [
            "obj-92",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-92",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-93",
            0
          ],
          "destination": [
            "obj-94",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-94",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-96",
            0
          ],
          "destination": [
            "obj-97",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-97",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-98",
            0
          ],
          "destination": [
            "obj-99",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-99",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-100",
            0
          ],
          "destination": [
            "obj-101",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-101",
            0
          ],
          "destination": [
            "obj-1",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-4",
            2
          ],
          "destination": [
            "obj-103",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-103",
            0
          ],
          "destination": [
            "obj-102",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-4",
            4
          ],
          "destination": [
            "obj-105",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-105",
            0
          ],
          "destination": [
            "obj-104",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-4",
            5
          ],
          "destination": [
            "obj-107",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-107",
            0
          ],
          "destination": [
            "obj-106",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-4",
            6
          ],
          "destination": [
            "obj-109",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-109",
            0
          ],
          "destination": [
            "obj-108",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-4",
            3
          ],
          "destination": [
            "obj-111",
            0
          ]
        }
      },
      {
        "patchline": {
          "source": [
            "obj-111",
            0
          ],
          "destination": [
            "obj-110",
            0
          ]
        }
      }
    ],
    "dependency_cache": [
      {
        "name": "musearoo_device.js",
        "type": "TEXT",
        "implicit": 1
      },
      {
        "name": "musearoo_logic.js",
        "type": "TEXT",
        "implicit": 1
      },
      {
        "name": "musearoo_track.js",
        "type": "TEXT",
        "implicit": 1
      }
    ],
    "autosave": 0
  }
}
